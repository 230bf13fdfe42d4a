/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.eval;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline metrics of a recommender on a holdout, averaged over users: recall@10/50/100, NDCG@10, hit rate@10,
 * and catalog coverage@10 (share of the catalog that appears in anyone's top 10). Metric names use MLflow's
 * allowed characters ({@code recall_at_50}).
 */
public final class OfflineEvaluation {

    /** The metrics, in reporting order. */
    public static final List<String> METRICS =
            List.of("recall_at_10", "recall_at_50", "recall_at_100", "ndcg_at_10", "hit_rate_at_10", "coverage_at_10");

    private OfflineEvaluation() {}

    public static Map<String, Double> evaluate(Holdout holdout, Recommender recommender, int catalogSize) {
        List<Holdout.User> users = holdout.users();
        List<int[]> ranked = recommender.recommend(users, 100);
        double r10 = 0;
        double r50 = 0;
        double r100 = 0;
        double ndcg = 0;
        double hit = 0;
        Set<Integer> shown = new HashSet<>();
        for (int u = 0; u < users.size(); u++) {
            int[] list = ranked.get(u);
            Set<Integer> relevant = users.get(u).relevant();
            r10 += RankingMetrics.recall(list, relevant, 10);
            r50 += RankingMetrics.recall(list, relevant, 50);
            r100 += RankingMetrics.recall(list, relevant, 100);
            ndcg += RankingMetrics.ndcg(list, relevant, 10);
            hit += RankingMetrics.hitRate(list, relevant, 10);
            for (int i = 0; i < Math.min(10, list.length); i++) {
                shown.add(list[i]);
            }
        }
        int n = Math.max(users.size(), 1);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("recall_at_10", r10 / n);
        metrics.put("recall_at_50", r50 / n);
        metrics.put("recall_at_100", r100 / n);
        metrics.put("ndcg_at_10", ndcg / n);
        metrics.put("hit_rate_at_10", hit / n);
        metrics.put("coverage_at_10", catalogSize == 0 ? 0 : (double) shown.size() / catalogSize);
        return metrics;
    }
}
