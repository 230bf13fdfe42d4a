/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.common.ConditionTypes;
import dev.tandem.api.crd.v1alpha1.recindex.IndexPhase;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.rollout.PairRef;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutReason;
import dev.tandem.api.naming.RolloutNames;

/**
 * Resolves a Rollout's pair from its RecModel and RecIndex. A pair is deployable only when the index was built from
 * the very model version the RecModel resolved, so a tower of version N never meets an index of version M.
 */
public final class PairResolver {

    private PairResolver() {}

    /**
     * @param model the RecModel named by the pair, or null when it does not exist
     * @param index the RecIndex named by the pair, or null when it does not exist
     */
    public static PairResolution resolve(PairRef ref, RecModel model, RecIndex index) {
        if (model == null) {
            return PairResolution.waiting(
                    RolloutReason.ModelNotFound, "RecModel " + ref.getModelRef() + " does not exist");
        }
        var modelStatus = model.getStatus();
        if (modelStatus != null && modelStatus.getArchived() != null) {
            return PairResolution.waiting(
                    RolloutReason.ModelArchived,
                    "RecModel " + ref.getModelRef() + " version " + modelStatus.getResolvedVersion() + " was archived ("
                            + modelStatus.getArchived().getReason() + ")");
        }
        if (modelStatus == null
                || modelStatus.getResolvedVersion() == null
                || !modelStatus.isTrue(ConditionTypes.READY)) {
            return PairResolution.waiting(
                    RolloutReason.ModelNotReady, "RecModel " + ref.getModelRef() + " is not resolved and verified yet");
        }
        if (index == null) {
            return PairResolution.waiting(
                    RolloutReason.IndexNotFound, "RecIndex " + ref.getIndexRef() + " does not exist");
        }
        if (!ref.getModelRef().equals(index.getSpec().getModelRef())) {
            return PairResolution.waiting(
                    RolloutReason.IndexOfAnotherModel,
                    "RecIndex " + ref.getIndexRef() + " indexes RecModel "
                            + index.getSpec().getModelRef() + ", not " + ref.getModelRef());
        }
        var indexStatus = index.getStatus();
        if (indexStatus != null && indexStatus.getPhase() == IndexPhase.Archived) {
            return PairResolution.waiting(
                    RolloutReason.IndexArchived,
                    "RecIndex " + ref.getIndexRef() + " was archived with its model version "
                            + indexStatus.getModelVersion());
        }
        if (indexStatus == null || indexStatus.getPhase() != IndexPhase.Built || indexStatus.getLocation() == null) {
            return PairResolution.waiting(
                    RolloutReason.IndexNotBuilt,
                    "RecIndex " + ref.getIndexRef() + " has no built index of version "
                            + modelStatus.getResolvedVersion() + " yet");
        }
        if (!modelStatus.getResolvedVersion().equals(indexStatus.getModelVersion())) {
            return PairResolution.waiting(
                    RolloutReason.IndexOfAnotherVersion,
                    "RecIndex " + ref.getIndexRef() + " was built from version " + indexStatus.getModelVersion()
                            + " but RecModel " + ref.getModelRef() + " resolved version "
                            + modelStatus.getResolvedVersion() + "; waiting for the index of "
                            + modelStatus.getResolvedVersion());
        }
        return PairResolution.of(new TargetPair(
                RolloutNames.pair(modelStatus.getResolvedVersion(), indexStatus.getBuildKey()),
                ref.getModelRef(),
                model.getSpec().getTrackingUri(),
                model.getSpec().getRegisteredModel(),
                modelStatus.getResolvedVersion(),
                ref.getIndexRef(),
                indexStatus.getBuildKey(),
                indexStatus.getLocation()));
    }
}
