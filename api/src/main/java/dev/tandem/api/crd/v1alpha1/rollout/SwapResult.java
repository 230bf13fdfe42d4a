/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

/** How a swap ended. */
public enum SwapResult {
    /** The candidate pair went live; the replaced pair is scaled down. */
    Promoted,
    /** The candidate pair was stopped; the live pair is unchanged. */
    Aborted
}
