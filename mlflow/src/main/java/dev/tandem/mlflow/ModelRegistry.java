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

    /**
     * Moves the version to a stage ("Staging", "Production", "Archived", "None").
     *
     * @param archiveExisting whether MLflow archives the other versions in that stage
     */
    public ModelVersion transitionStage(String model, String version, String stage, boolean archiveExisting) {
        return ModelVersion.fromJson(rest.post(
                        "model-versions/transition-stage",
                        Map.of(
                                "name",
                                model,
                                "version",
                                version,
                                "stage",
                                stage,
                                "archive_existing_versions",
                                archiveExisting))
                .path("model_version"));
    }

    /** Points the alias at the version (moving it from any other). */
    public void setAlias(String model, String alias, String version) {
        rest.post("registered-models/alias", Map.of("name", model, "alias", alias, "version", version));
    }

    /** Sets a tag on the version. */
    public void setVersionTag(String model, String version, String key, String value) {
        rest.post("model-versions/set-tag", Map.of("name", model, "version", version, "key", key, "value", value));
    }
}
