/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.rollout.RolloutReason;
import java.util.Optional;

/**
 * What the spec's pair resolves to now: a deployable pair, or why there is none yet.
 *
 * @param target the pair, when its model is verified and its index built from that model version
 * @param reason why not, as one word (ModelNotFound, ModelNotReady, ModelArchived, IndexNotFound, IndexNotBuilt,
 *     IndexOfAnotherModel, IndexOfAnotherVersion)
 * @param message why not, in a sentence
 */
public record PairResolution(Optional<TargetPair> target, RolloutReason reason, String message) {

    public static PairResolution of(TargetPair target) {
        return new PairResolution(
                Optional.of(target), RolloutReason.PairResolved, "pair " + target.pair() + " is deployable");
    }

    public static PairResolution waiting(RolloutReason reason, String message) {
        return new PairResolution(Optional.empty(), reason, message);
    }
}
