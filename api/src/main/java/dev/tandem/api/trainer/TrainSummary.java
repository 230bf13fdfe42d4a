/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.trainer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tandem.api.mlflow.ModelUri;

/**
 * What {@code tandem-trainer train --summary <file>} writes once the version is registered: one line of JSON with
 * these fields, small enough for a pod's termination message (4096 bytes), for whatever runs the trainer and goes on
 * with the version (a pipeline step, a test) instead of reading the trainer's progress lines.
 *
 * <p>Readers ignore fields they do not know, so that the trainer may add some.
 *
 * @param modelName the registered model
 * @param version the version MLflow gave it
 * @param runId the MLflow run that trained it
 * @param bundleUri the bundle's artifact URI, the version's source
 * @param bundleDirectory the bundle as the trainer wrote it on its machine ({@code <work-dir>/bundle})
 * @param datasetVersion the dataset version it was trained on (tag {@code tandem.dataset_version})
 * @param codeVersion the trainer's version (tag {@code tandem.code_version})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainSummary(
        String modelName,
        String version,
        String runId,
        String bundleUri,
        String bundleDirectory,
        String datasetVersion,
        String codeVersion) {

    /** The version's registry URI, {@code models:/<modelName>/<version>}. */
    public ModelUri modelUri() {
        return ModelUri.of(modelName, version);
    }
}
