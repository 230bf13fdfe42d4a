/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recindex;

import dev.tandem.api.crd.v1alpha1.common.Reason;

/**
 * Every reason a RecIndex's conditions and Events carry that the operator decides. A failed build also reports
 * {@code build-index}'s own reason ({@link dev.tandem.api.index.BuildIndexReason}).
 */
public enum RecIndexReason implements Reason {
    /** The RecModel does not exist. */
    ModelNotFound,
    /** The RecModel is not resolved and verified yet, or lacks what a build needs. */
    ModelNotReady,
    /** The build Job runs. */
    Building,
    /** A build Job was created (an Event). */
    BuildStarted,
    /** A failed Job runs again after the spec changed (an Event). */
    BuildRetried,
    /** The index is built and recorded. */
    Built,
    /** The build failed and its summary names no reason. */
    BuildFailed,
    /** The Job hit activeDeadlineSeconds. */
    BuildTimedOut,
    /** The Job completed but left no readable summary. */
    SummaryUnreadable,
    /** The Job built another version than the one planned. */
    IndexOfAnotherVersion,
    /** The model was archived and the index removed. */
    Archived,
    /** The model was archived but a Rollout serves the index, so it is kept. */
    KeptWhileServed,
    /** Removing an archived version's index failed; it is retried. */
    CleanupFailed,
    /** Build Jobs of superseded keys were removed (an Event). */
    JobsRemoved,
    /** Nothing is wrong. */
    AsExpected
}
