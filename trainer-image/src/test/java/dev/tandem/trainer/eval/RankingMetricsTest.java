/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final int[] RANKED = {7, 3, 9, 1, 4};

    @Test
    void recallCountsRelevantItemsWithinK() {
        Set<Integer> relevant = Set.of(3, 4, 8);
        assertThat(RankingMetrics.recall(RANKED, relevant, 2)).isEqualTo(1.0 / 3);
        assertThat(RankingMetrics.recall(RANKED, relevant, 5)).isEqualTo(2.0 / 3);
        assertThat(RankingMetrics.recall(RANKED, Set.of(), 5)).isZero();
    }

    @Test
    void hitRateIsOneWhenAnythingRelevantIsInTheTopK() {
        assertThat(RankingMetrics.hitRate(RANKED, Set.of(4), 4)).isZero();
        assertThat(RankingMetrics.hitRate(RANKED, Set.of(4), 5)).isEqualTo(1);
    }

    @Test
    void ndcgByHand() {
        // Relevant at ranks 2 and 5: DCG = 1/log2(3) + 1/log2(6); ideal = 1/log2(2) + 1/log2(3).
        double dcg = 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(6) / Math.log(2));
        double ideal = 1 + 1 / (Math.log(3) / Math.log(2));
        assertThat(RankingMetrics.ndcg(RANKED, Set.of(3, 4), 5)).isCloseTo(dcg / ideal, within(1e-12));
        assertThat(RankingMetrics.ndcg(new int[] {3, 4}, Set.of(3, 4), 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.ndcg(RANKED, Set.of(2), 5)).isZero();
    }

    @Test
    void topKSkipsSeenItemsAndOrdersByScore() {
        float[] scores = {0.1f, 0.9f, 0.5f, 0.9f, 0.3f};
        assertThat(TopK.of(scores, 3, Set.of(1))).containsExactly(3, 2, 4);
        assertThat(TopK.of(scores, 10, Set.of())).containsExactly(1, 3, 2, 4, 0);
    }

    @Test
    void evaluationAveragesOverUsersAndMeasuresCoverage() {
        Holdout.User a = new Holdout.User(1, new long[] {0}, Set.of(), Set.of(0));
        Holdout.User b = new Holdout.User(2, new long[] {0}, Set.of(), Set.of(5));
        Recommender fixed = new Recommender() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public List<int[]> recommend(List<Holdout.User> users, int k) {
                return List.of(new int[] {0, 1}, new int[] {2, 3});
            }
        };
        Holdout holdout = holdoutOf(List.of(a, b));

        var metrics = OfflineEvaluation.evaluate(holdout, fixed, 8);

        assertThat(metrics.get("recall_at_10")).isEqualTo(0.5);
        assertThat(metrics.get("hit_rate_at_10")).isEqualTo(0.5);
        assertThat(metrics.get("ndcg_at_10")).isEqualTo(0.5);
        assertThat(metrics.get("coverage_at_10")).isEqualTo(4.0 / 8);
    }

    private static Holdout holdoutOf(List<Holdout.User> users) {
        return Holdout.ofUsers(users, new int[8]);
    }
}
