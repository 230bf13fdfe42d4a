/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

import dev.tandem.api.crd.v1alpha1.common.Reason;

/**
 * Every reason a Rollout's conditions, swap history, analysis and Events carry that Tandem itself decides. A pod's
 * problem is reported with the scheduler's or kubelet's own word (e.g. {@code Unschedulable}, {@code CrashLoopBackOff}).
 */
public enum RolloutReason implements Reason {
    // The pair the spec names, resolved.
    /** The RecModel and RecIndex make a deployable pair. */
    PairResolved,
    /** The RecModel does not exist. */
    ModelNotFound,
    /** The RecModel's version is archived: it is never deployed. */
    ModelArchived,
    /** The RecModel is not resolved and verified yet. */
    ModelNotReady,
    /** The RecIndex does not exist. */
    IndexNotFound,
    /** The RecIndex is built from another RecModel. */
    IndexOfAnotherModel,
    /** The RecIndex was archived with its model version. */
    IndexArchived,
    /** The RecIndex is not built yet. */
    IndexNotBuilt,
    /** The RecIndex's index is of another version of the model than the RecModel's. */
    IndexOfAnotherVersion,

    // Conditions.
    /** spec.replicas is 0. */
    ScaledToZero,
    /** The live pair serves with all its replicas. */
    PairServing,
    /** Fewer live pods are ready than asked, with no problem reported. */
    PodsNotReady,
    /** A pod reports a problem whose reason is not a word. */
    PodProblem,
    /** A pod cannot be scheduled and the scheduler gave no reason. */
    Unschedulable,
    /** A pod failed and gave no reason. */
    PodFailed,
    /** A swap deploys its candidate. */
    SwapDeploying,
    /** A swap analyses its candidate. */
    SwapAnalyzing,
    /** A swap's candidate passed and waits for the promote annotation. */
    SwapAwaitingPromotion,
    /** The replaced pair runs out its scale-down delay. */
    ScalingDown,
    /** The live pair's pods are starting. */
    PodsStarting,
    /** No swap is in progress. */
    Stable,
    /** Nothing is wrong. */
    AsExpected,

    // Swaps: Events, and the reasons of history records.
    /** The first pair is deployed. */
    Deploying,
    /** The first pair serves. */
    PairLive,
    /** The first pair went live without analysis: there was no live pair to protect. */
    FirstPair,
    /** A new pair is deployed beside the live one. */
    SwapStarted,
    /** The candidate's preview pods are ready and analysed. */
    AnalysisStarted,
    /** The candidate passed its analysis. */
    AnalysisPassed,
    /** The candidate failed its analysis; it is archived in MLflow unless its version is live. */
    AnalysisFailed,
    /** The promote annotation promoted the candidate. */
    ManualPromotion,
    /** The candidate went live. */
    Promoted,
    /** The candidate was not ready and analysed within progressDeadlineSeconds. */
    ProgressDeadlineExceeded,
    /** The abort annotation stopped the swap. */
    ManualAbort,
    /** The spec asked for another pair while the swap ran. */
    Superseded,
    /** The retry annotation lets a rejected pair be tried again. */
    RetryRequested,
    /** A replaced or rejected pair's pods are removed. */
    PairRemoved,
    /** MLflow records a finished swap (aliases, stages, archive reason). */
    RegistryUpdated,
    /** The Rollout is no longer Degraded. */
    Recovered,
    /** The Rollout was deleted and its objects removed. */
    Deleted,

    // Analysis verdicts.
    /** No ready preview pod answered. */
    PodUnreachable,
    /** Smoke predicts failed. */
    SmokeQueriesFailed,
    /** A smoke predict was answered by another model version than the candidate's. */
    VersionMismatch,
    /** The probe recall@10 is below minRecallAt10. */
    RecallTooLow,
    /** The smoke queries' p99 is above maxP99Millis. */
    LatencyTooHigh;

    /** The Progressing reason of a swap in {@code phase}. */
    public static RolloutReason swapIn(RolloutPhase phase) {
        return switch (phase) {
            case Analyzing -> SwapAnalyzing;
            case AwaitingPromotion -> SwapAwaitingPromotion;
            default -> SwapDeploying;
        };
    }
}
