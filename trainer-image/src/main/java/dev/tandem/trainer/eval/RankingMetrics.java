/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.eval;

import java.util.Set;

/** Per-user ranking metrics of a recommended list against the items the user went on to watch. */
public final class RankingMetrics {

    private RankingMetrics() {}

    /** Share of the relevant items found in the first {@code k} recommendations. */
    public static double recall(int[] ranked, Set<Integer> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        return (double) hits(ranked, relevant, k) / relevant.size();
    }

    /** 1 when any of the first {@code k} recommendations is relevant. */
    public static double hitRate(int[] ranked, Set<Integer> relevant, int k) {
        return hits(ranked, relevant, k) > 0 ? 1 : 0;
    }

    /** Normalised discounted cumulative gain with binary relevance: DCG over the ideal DCG. */
    public static double ndcg(int[] ranked, Set<Integer> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (relevant.contains(ranked[i])) {
                dcg += 1.0 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1.0 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static int hits(int[] ranked, Set<Integer> relevant, int k) {
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (relevant.contains(ranked[i])) {
                hits++;
            }
        }
        return hits;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
