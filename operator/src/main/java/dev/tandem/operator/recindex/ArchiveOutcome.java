/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import java.util.List;

/** What retiring the indexes of an archived model version did. */
public sealed interface ArchiveOutcome {

    /** Nothing to do: the model is not archived, or its indexes were retired before. */
    record None() implements ArchiveOutcome {}

    /**
     * A Rollout serves an index of this RecIndex: what it serves stays (other indexes of the version are removed).
     *
     * @param rollouts the Rollouts that serve it
     * @param removed artifact directories removed anyway, because nothing serves them
     */
    record Kept(List<String> rollouts, List<String> removed) implements ArchiveOutcome {}

    /**
     * The version's indexes of this RecIndex were removed from MLflow.
     *
     * @param removed the artifact directories removed (none when nothing had been uploaded)
     */
    record Removed(List<String> removed) implements ArchiveOutcome {}

    /**
     * Storage is a PersistentVolumeClaim: the operator runs no pod to delete files, so they stay.
     *
     * @param claim the claim
     */
    record LeftOnClaim(String claim) implements ArchiveOutcome {}

    /**
     * Removing failed (MLflow refused or was unreachable); it is tried again.
     *
     * @param message why, in a sentence
     */
    record CleanupFailed(String message) implements ArchiveOutcome {}
}
