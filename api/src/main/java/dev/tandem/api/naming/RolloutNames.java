/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.naming;

import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names and labels of everything a Rollout makes, in one place. */
public final class RolloutNames {

    /** The serving container of a pair's pods. */
    public static final String CONTAINER = "server";

    private static final String APP = "tandem-serving";

    private RolloutNames() {}

    /** The Deployment of the pair in this slot: {@code <rollout>-<colour>}. */
    public static String deployment(Rollout rollout, Colour colour) {
        return rollout.getMetadata().getName() + "-" + colour.label();
    }

    /** The Service clients call; it selects the live pair's pods. */
    public static String activeService(Rollout rollout) {
        return rollout.getSpec().getServiceName();
    }

    /** The Service of the candidate during a swap. */
    public static String previewService(Rollout rollout) {
        return rollout.getSpec().getServiceName() + "-preview";
    }

    /**
     * The name of a pair: the model version and the start of the index build key, e.g. {@code v3-1f2e3d4c}. It is a
     * valid label value.
     */
    public static String pair(String modelVersion, String indexBuildKey) {
        return "v" + modelVersion + "-" + indexBuildKey.substring(0, Math.min(8, indexBuildKey.length()));
    }

    /** Labels of every object of the Rollout. */
    public static Map<String, String> labels(Rollout rollout, String component) {
        Map<String, String> labels = TandemLabels.of(rollout, APP, component);
        labels.put(TandemLabels.ROLLOUT, rollout.getMetadata().getName());
        return labels;
    }

    /** What selects the pods of one slot; it never changes for a Deployment. */
    public static Map<String, String> slotSelector(Rollout rollout, Colour colour) {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put(TandemLabels.ROLLOUT, rollout.getMetadata().getName());
        selector.put(TandemLabels.COLOUR, colour.label());
        return selector;
    }

    /** Labels of the pods of a pair in a slot. */
    public static Map<String, String> podLabels(Rollout rollout, Colour colour, String pair) {
        Map<String, String> labels = labels(rollout, "serving");
        labels.putAll(slotSelector(rollout, colour));
        labels.put(TandemLabels.PAIR, pair);
        return labels;
    }
}
