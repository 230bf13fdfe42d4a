/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import dev.tandem.api.crd.v1alpha1.recmodel.RecModelReason;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.mlflow.MlflowApiException;
import dev.tandem.mlflow.ModelRegistry;
import dev.tandem.mlflow.ModelVersion;
import dev.tandem.operator.mlflow.MlflowRegistries;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;

/** Asks the MLflow registry (REST) which version a RecModel's spec names, with its stage, aliases and tags. */
@ApplicationScoped
class ModelResolver {

    private static final String DOES_NOT_EXIST = "RESOURCE_DOES_NOT_EXIST";
    // MLflow answers an unset alias with this code, not with RESOURCE_DOES_NOT_EXIST.
    private static final String INVALID_PARAMETER = "INVALID_PARAMETER_VALUE";

    private final MlflowRegistries registries;

    ModelResolver(MlflowRegistries registries) {
        this.registries = registries;
    }

    /** One registry call: the version by number, or the version the alias points at now. */
    Resolution resolve(RecModelSpec spec) throws RegistryUnavailableException {
        String uri = spec.getTrackingUri();
        String model = spec.getRegisteredModel();
        ModelRegistry registry = registries.registry(uri);
        boolean byAlias = spec.getAlias() != null;
        try {
            ModelVersion version =
                    byAlias ? registry.byAlias(model, spec.getAlias()) : registry.version(model, spec.getVersion());
            return new Resolution.Found(version);
        } catch (MlflowApiException e) {
            if (byAlias && (DOES_NOT_EXIST.equals(e.errorCode()) || INVALID_PARAMETER.equals(e.errorCode()))) {
                String missing = DOES_NOT_EXIST.equals(e.errorCode())
                        ? "no registered model " + model
                        : "no alias " + spec.getAlias() + " on model " + model;
                return new Resolution.NotFound(RecModelReason.AliasNotFound, "MLflow at " + uri + " has " + missing);
            }
            if (!byAlias && DOES_NOT_EXIST.equals(e.errorCode())) {
                return new Resolution.NotFound(
                        RecModelReason.VersionNotFound,
                        "MLflow at " + uri + " has no version " + spec.getVersion() + " of model " + model);
            }
            throw RegistryUnavailableException.answered(uri, e);
        } catch (UncheckedIOException e) {
            throw RegistryUnavailableException.unreachable(uri, e);
        }
    }
}
