/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import dev.tandem.api.crd.v1alpha1.common.ArchiveRecord;
import dev.tandem.api.crd.v1alpha1.common.ConditionTypes;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexReason;
import dev.tandem.api.crd.v1alpha1.recindex.StorageType;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;

/** What a RecIndex's RecModel allows now: waiting for it, building from it, or retiring an archived version's index. */
public sealed interface ModelSituation {

    /**
     * The model cannot be built from yet.
     *
     * @param reason ModelNotFound or ModelNotReady
     */
    record Waiting(RecIndexReason reason, String message) implements ModelSituation {}

    /** The model is resolved and verified: build (or keep) the index of this plan. */
    record Buildable(BuildPlan plan) implements ModelSituation {}

    /**
     * The model's version was archived: its indexes are removed unless a Rollout serves one.
     *
     * @param trackingUri MLflow, where the version's artifacts are
     * @param artifactUri the archived version's bundle, beside which its indexes were uploaded (null if unknown)
     */
    record Archived(String trackingUri, String modelName, String modelVersion, String artifactUri, ArchiveRecord record)
            implements ModelSituation {

        /** The archive's reason and message, in a sentence. */
        public String describe() {
            return modelName + " version " + modelVersion + " was archived"
                    + (record.getReason() == null ? "" : " (" + record.getReason() + ")");
        }
    }

    /**
     * @param model the RecModel named by {@code spec.modelRef}, or null when there is none
     */
    static ModelSituation of(RecIndex index, RecModel model) {
        String ref = index.getSpec().getModelRef();
        if (model == null) {
            return new Waiting(RecIndexReason.ModelNotFound, "RecModel " + ref + " does not exist");
        }
        var status = model.getStatus();
        if (status != null && status.getArchived() != null) {
            return new Archived(
                    model.getSpec().getTrackingUri(),
                    model.getSpec().getRegisteredModel(),
                    status.getResolvedVersion(),
                    status.getArtifactUri(),
                    status.getArchived());
        }
        if (status == null || status.getResolvedVersion() == null || !status.isTrue(ConditionTypes.READY)) {
            return new Waiting(
                    RecIndexReason.ModelNotReady, "waiting for RecModel " + ref + " to be resolved and verified");
        }
        if (index.getSpec().getStorage().getType() == StorageType.MLFLOW && status.getArtifactUri() == null) {
            return new Waiting(
                    RecIndexReason.ModelNotReady,
                    "RecModel " + ref + " reports no artifactUri, beside which an index stored in MLflow is uploaded");
        }
        return new Buildable(BuildPlan.of(index, model));
    }
}
