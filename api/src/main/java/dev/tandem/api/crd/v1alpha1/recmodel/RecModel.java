/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recmodel;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One model version in the MLflow registry, resolved and verified: the model half of a served pair. A RecIndex is
 * built from it and a Rollout serves the two together.
 */
@Group("tandem.dev")
@Version("v1alpha1")
@ShortNames("rmodel")
@AdditionalPrinterColumn(name = "Model", jsonPath = ".spec.registeredModel", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Version",
        jsonPath = ".status.resolvedVersion",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Stage", jsonPath = ".status.stage", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class RecModel extends CustomResource<RecModelSpec, RecModelStatus> implements Namespaced {

    @Override
    protected RecModelStatus initStatus() {
        return new RecModelStatus();
    }
}
