/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import dev.tandem.api.crd.v1alpha1.recmodel.RecModelReason;
import dev.tandem.mlflow.ModelVersion;

/** What the registry said about the version or alias a RecModel names. */
sealed interface Resolution {

    /** The registry knows the version (for an alias: the version it points at now). */
    record Found(ModelVersion version) implements Resolution {}

    /**
     * The registry has no such version, or the alias is not set.
     *
     * @param reason {@code VersionNotFound} or {@code AliasNotFound}
     * @param message what is missing, in a sentence
     */
    record NotFound(RecModelReason reason, String message) implements Resolution {}
}
