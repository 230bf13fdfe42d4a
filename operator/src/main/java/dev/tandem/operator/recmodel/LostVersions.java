/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import dev.tandem.mlflow.ModelVersion;
import dev.tandem.operator.crd.v1alpha1.common.ArchiveRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How MLflow marks a version that lost: the trainer's {@code decide} moves a loser to stage Archived and tags it
 * {@code tandem.decision=rejected} with the reason in {@code tandem.decision.reason}; a person or a Rollout may also
 * archive a version by its stage alone.
 */
final class LostVersions {

    static final String ARCHIVED_STAGE = "Archived";
    static final String DECISION_TAG = "tandem.decision";
    static final String DECISION_REASON_TAG = "tandem.decision.reason";
    static final String REJECTED = "rejected";

    private LostVersions() {}

    /** Whether MLflow marks the version lost. */
    static boolean isLost(ModelVersion version) {
        return ARCHIVED_STAGE.equals(version.stage())
                || REJECTED.equals(version.tags().get(DECISION_TAG));
    }

    /** The record status keeps of a lost version: why, in the registry's words, and when the operator saw it. */
    static ArchiveRecord archiveRecord(String model, ModelVersion version, Instant seen) {
        String at = seen.truncatedTo(ChronoUnit.SECONDS).toString();
        String which = "version " + version.version() + " of " + model;
        if (REJECTED.equals(version.tags().get(DECISION_TAG))) {
            String why = version.tags().get(DECISION_REASON_TAG);
            return new ArchiveRecord(
                    RecModelReasons.LOST_OFFLINE,
                    which + " lost on offline metrics" + (why == null || why.isBlank() ? "" : ": " + why)
                            + " (MLflow stage " + version.stage() + ")",
                    at);
        }
        return new ArchiveRecord(
                RecModelReasons.ARCHIVED_IN_MLFLOW,
                which + " is in stage Archived in MLflow; it is not deployed again",
                at);
    }
}
