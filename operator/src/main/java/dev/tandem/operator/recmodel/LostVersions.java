/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import dev.tandem.api.crd.v1alpha1.common.ArchiveRecord;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelReason;
import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.api.mlflow.ModelStage;
import dev.tandem.mlflow.ModelVersion;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How MLflow marks a version that lost: the trainer's {@code decide} moves a loser to stage Archived and tags it
 * {@code tandem.decision=rejected} with the reason in {@code tandem.decision.reason}; a person or a Rollout may also
 * archive a version by its stage alone.
 */
final class LostVersions {

    private LostVersions() {}

    /** Whether MLflow marks the version lost. */
    static boolean isLost(ModelVersion version) {
        return ModelStage.Archived.is(version.stage())
                || MlflowTags.Decision.REJECTED.is(version.tags().get(MlflowTags.DECISION));
    }

    /** The record status keeps of a lost version: why, in the registry's words, and when the operator saw it. */
    static ArchiveRecord archiveRecord(String model, ModelVersion version, Instant seen) {
        String at = seen.truncatedTo(ChronoUnit.SECONDS).toString();
        String which = "version " + version.version() + " of " + model;
        if (MlflowTags.Decision.REJECTED.is(version.tags().get(MlflowTags.DECISION))) {
            String why = version.tags().get(MlflowTags.DECISION_REASON);
            return new ArchiveRecord(
                    RecModelReason.LostOffline.name(),
                    which + " lost on offline metrics" + (why == null || why.isBlank() ? "" : ": " + why)
                            + " (MLflow stage " + version.stage() + ")",
                    at);
        }
        return new ArchiveRecord(
                RecModelReason.ArchivedInMlflow.name(),
                which + " is in stage Archived in MLflow; it is not deployed again",
                at);
    }
}
