/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.rollout.RolloutReason;
import dev.tandem.api.crd.v1alpha1.rollout.SwapResult;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutChatMessageTest {

    @Test
    void aSwapsEndSaysWhichRolloutWhatHappenedAndHowLongItTook() {
        var rollout = RolloutFixtures.rollout(1, 1);
        rollout.getMetadata().setNamespace("recs");
        var aborted = new SwapPlanner.Transition(
                true,
                RolloutReason.AnalysisFailed,
                "swap to pair v2-bbbbbbbb aborted: RecallTooLow: recall@10 0.41 (min 0.90)",
                Optional.of(new SwapPlanner.SwapEnd(SwapResult.Aborted, Duration.ofSeconds(93))));

        assertThat(RolloutReconciler.chatMessage(rollout, aborted))
                .isEqualTo("Rollout recs/movies: AnalysisFailed: swap to pair v2-bbbbbbbb aborted: RecallTooLow:"
                        + " recall@10 0.41 (min 0.90) (swap took 93 s)");
    }

    @Test
    void aFirstPairLiveHasNoSwapDuration() {
        var rollout = RolloutFixtures.rollout(1, 1);
        rollout.getMetadata().setNamespace("recs");

        assertThat(RolloutReconciler.chatMessage(
                        rollout,
                        new SwapPlanner.Transition(
                                false, RolloutReason.PairLive, "pair v1-aaaaaaaa serves (blue)", Optional.empty())))
                .isEqualTo("Rollout recs/movies: PairLive: pair v1-aaaaaaaa serves (blue)");
    }
}
