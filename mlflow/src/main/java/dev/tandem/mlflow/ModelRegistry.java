/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.mlflow;

import java.util.Map;

/** Reads registered model versions from MLflow's model registry over its REST API. */
public final class ModelRegistry {

    private final MlflowRestClient rest;

    public ModelRegistry(MlflowRestClient rest) {
        this.rest = rest;
    }

    /** The version with this number; {@link MlflowApiException} with {@code RESOURCE_DOES_NOT_EXIST} if none. */
    public ModelVersion version(String model, String version) {
        return ModelVersion.fromJson(rest.get("model-versions/get", Map.of("name", model, "version", version))
                .path("model_version"));
    }

    /** The version an alias points at now. */
    public ModelVersion byAlias(String model, String alias) {
        return ModelVersion.fromJson(rest.get("registered-models/alias", Map.of("name", model, "alias", alias))
                .path("model_version"));
    }
}
