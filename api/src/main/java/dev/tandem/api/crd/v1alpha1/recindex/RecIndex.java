/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recindex;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An HNSW index over one RecModel's item embeddings: the index half of a served pair. The operator builds it with a
 * Job running the serving image's {@code build-index}; a change of spec or model builds a new index beside the old
 * one, never over it.
 */
@Group("tandem.dev")
@Version("v1alpha1")
@ShortNames("rindex")
@AdditionalPrinterColumn(name = "Model", jsonPath = ".spec.modelRef", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Version",
        jsonPath = ".status.modelVersion",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Items", jsonPath = ".status.items", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Recall", jsonPath = ".status.probeRecall", type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class RecIndex extends CustomResource<RecIndexSpec, RecIndexStatus> implements Namespaced {

    @Override
    protected RecIndexStatus initStatus() {
        return new RecIndexStatus();
    }
}
