/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recindex;

/** Where an index is in its life. */
public enum IndexPhase {
    /** Waiting for its RecModel to be resolved and verified. */
    Pending,
    /** The build Job runs. */
    Building,
    /** Built and recorded; it can be served with its model version. */
    Built,
    /**
     * The build failed; the condition says why. A spec change, a new model version or deleting the failed Job starts
     * another build.
     */
    Failed,
    /** The RecModel's version was archived and its index removed (kept instead while a Rollout serves it). */
    Archived
}
