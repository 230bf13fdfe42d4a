/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import java.util.Optional;

/**
 * What the spec's pair resolves to now: a deployable pair, or why there is none yet.
 *
 * @param target the pair, when its model is verified and its index built from that model version
 * @param reason why not, as one word (ModelNotFound, ModelNotReady, ModelArchived, IndexNotFound, IndexNotBuilt,
 *     IndexOfAnotherModel, IndexOfAnotherVersion)
 * @param message why not, in a sentence
 */
public record PairResolution(Optional<TargetPair> target, String reason, String message) {

    public static PairResolution of(TargetPair target) {
        return new PairResolution(Optional.of(target), "PairResolved", "pair " + target.pair() + " is deployable");
    }

    public static PairResolution waiting(String reason, String message) {
        return new PairResolution(Optional.empty(), reason, message);
    }
}
