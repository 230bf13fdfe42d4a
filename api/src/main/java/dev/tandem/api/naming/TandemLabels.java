/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.naming;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels every object Tandem makes carries, and Tandem's own label keys. */
public final class TandemLabels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    /** The Rollout a serving object belongs to. */
    public static final String ROLLOUT = "tandem.dev/rollout";
    /** The pair (model version and index build) a serving pod loads. */
    public static final String PAIR = "tandem.dev/pair";
    /** The blue/green slot of a serving pod. */
    public static final String COLOUR = "tandem.dev/colour";
    /** The RecIndex a build Job belongs to. */
    public static final String REC_INDEX = "tandem.dev/recindex";
    /** The model version a build Job indexes. */
    public static final String MODEL_VERSION = "tandem.dev/model-version";

    public static final String PART_OF_VALUE = "tandem";
    public static final String MANAGED_BY_VALUE = "tandem-operator";

    /**
     * The label selector of what Rollouts make (Deployments, Services and their pods): managed by Tandem and labelled
     * with a Rollout. The Rollout's Deployment and Service dependents watch only what it selects.
     */
    public static final String ROLLOUT_SELECTOR = MANAGED_BY + "=" + MANAGED_BY_VALUE + "," + ROLLOUT;

    /** The label selector of what RecIndexes make (build Jobs and their pods): managed by Tandem, labelled with one. */
    public static final String REC_INDEX_SELECTOR = MANAGED_BY + "=" + MANAGED_BY_VALUE + "," + REC_INDEX;

    private TandemLabels() {}

    /** The recommended labels of an object made for {@code owner}, as the given component. */
    public static Map<String, String> of(HasMetadata owner, String name, String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, name);
        labels.put(INSTANCE, owner.getMetadata().getName());
        labels.put(COMPONENT, component);
        labels.put(PART_OF, PART_OF_VALUE);
        labels.put(MANAGED_BY, MANAGED_BY_VALUE);
        return labels;
    }
}
