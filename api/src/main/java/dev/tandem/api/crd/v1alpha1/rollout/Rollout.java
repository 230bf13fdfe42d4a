/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A served pair (a RecModel and a RecIndex built from it) behind a stable Service, replaced by blue/green swaps of the
 * whole pair after an analysis of the candidate.
 */
@Group("tandem.dev")
@Version("v1alpha1")
@ShortNames("rrollout")
@AdditionalPrinterColumn(name = "Pair", jsonPath = ".status.active.pair", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Colour",
        jsonPath = ".status.active.colour",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Preview",
        jsonPath = ".status.preview.pair",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class Rollout extends CustomResource<RolloutSpec, RolloutStatus> implements Namespaced {

    /** Annotation that promotes the waiting candidate; its value must be the candidate's pair name. */
    public static final String PROMOTE_ANNOTATION = "tandem.dev/promote";

    /** Annotation that asks for another try of a rejected pair; its value must be that pair name. */
    public static final String RETRY_ANNOTATION = "tandem.dev/retry";

    /** Annotation that aborts the swap in progress; its value must be the candidate's pair name. */
    public static final String ABORT_ANNOTATION = "tandem.dev/abort";

    @Override
    protected RolloutStatus initStatus() {
        return new RolloutStatus();
    }
}
