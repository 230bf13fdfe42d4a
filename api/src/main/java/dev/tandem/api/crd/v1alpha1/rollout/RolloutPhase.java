/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

/**
 * Where a Rollout is; a swap goes Deploying → Analyzing → (AwaitingPromotion →) ScalingDown → Healthy. Promotion itself
 * is one status write that moves the Service selector, so it has no phase of its own.
 */
public enum RolloutPhase {
    /** Waiting for the pair's model and index to be ready. */
    Pending,
    /** The first pair, or a candidate, is being deployed and warmed. */
    Deploying,
    /** The candidate's preview pods are being analysed. */
    Analyzing,
    /** The candidate passed; autoPromotion is off, so it waits for the promote annotation. */
    AwaitingPromotion,
    /** The old pair runs for scaleDownDelaySeconds, then is removed. */
    ScalingDown,
    /** The live pair serves with all its replicas and no swap is in progress. */
    Healthy,
    /** The live pair serves with fewer pods than asked, or cannot be scheduled. */
    Degraded,
    /** The last candidate failed or was aborted; the live pair is unchanged. A new pair starts a new swap. */
    Aborted
}
