/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import dev.tandem.api.crd.v1alpha1.recmodel.RecModelReason;
import dev.tandem.mlflow.ModelVersion;
import java.util.Optional;

/** What one reconcile learned about a RecModel from MLflow; {@link RecModelStatusBuilder} turns it into status. */
sealed interface RecModelObservation {

    /**
     * The spec resolved to a version.
     *
     * @param version the version as the registry reports it now (stage, aliases and tags are fresh)
     * @param verification a fresh verdict on its bundle; empty when status already holds the verdict on this version,
     *     or when MLflow marks the version lost (a lost version is not downloaded)
     */
    record Resolved(ModelVersion version, Optional<Verification> verification) implements RecModelObservation {}

    /**
     * The registry answered that the version or alias does not exist.
     *
     * @param reason {@code VersionNotFound} or {@code AliasNotFound}
     */
    record NotResolved(RecModelReason reason, String message) implements RecModelObservation {}

    /**
     * The registry could not be asked.
     *
     * @param reason {@code RegistryUnreachable} or {@code RegistryRefused}
     */
    record Unavailable(RecModelReason reason, String message) implements RecModelObservation {}
}
