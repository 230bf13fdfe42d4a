/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutStatus;
import dev.tandem.api.crd.v1alpha1.rollout.ServedPair;
import java.util.Optional;

/** Which pair occupies a slot according to status: the live pair, the candidate, the retiring one or a kept reject. */
public final class SlotAssignment {

    private SlotAssignment() {}

    /** The pair whose Deployment the slot holds, with the replicas it should have; empty when the slot is free. */
    public static Optional<ServedPair> of(RolloutStatus status, Colour colour) {
        if (status == null) {
            return Optional.empty();
        }
        for (ServedPair pair : new ServedPair[] {status.getActive(), status.getPreview()}) {
            if (pair != null && pair.getColour() == colour) {
                return Optional.of(pair);
            }
        }
        // A retiring pair past its delay and a rejected pair not kept for inspection have replicas 0: their slot is
        // free.
        for (ServedPair pair : new ServedPair[] {status.getRetiring(), status.getRejected()}) {
            if (pair != null && pair.getColour() == colour && pair.getReplicas() != null && pair.getReplicas() > 0) {
                return Optional.of(pair);
            }
        }
        return Optional.empty();
    }
}
