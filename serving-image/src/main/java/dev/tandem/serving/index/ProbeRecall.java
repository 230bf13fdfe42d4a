/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.index;

import dev.tandem.bundle.ItemEmbeddings;
import io.github.jbellis.jvector.util.Bits;
import java.util.Arrays;

/**
 * Recall@k of the graph search against exact inner-product search over the same items, on a set of query
 * vectors: the figure a RecIndex reports and a rollout's analysis checks.
 */
public final class ProbeRecall {

    private ProbeRecall() {}

    /**
     * @param queries row-major {@code [count, dim]} query vectors
     * @return the mean share of the exact top-k that the graph search found
     */
    public static double measure(ItemGraph graph, float[] queries, int count, int k) {
        ItemEmbeddings items = graph.items();
        int dim = items.dim();
        long found = 0;
        long wanted = 0;
        try (ItemSearcher searcher = graph.searcher()) {
            for (int q = 0; q < count; q++) {
                float[] query = Arrays.copyOfRange(queries, q * dim, (q + 1) * dim);
                int[] exact = exactTopK(items, query, k);
                ItemSearcher.Hit[] hits = searcher.search(query, k, Bits.ALL);
                for (ItemSearcher.Hit hit : hits) {
                    for (int row : exact) {
                        if (row == hit.row()) {
                            found++;
                            break;
                        }
                    }
                }
                wanted += exact.length;
            }
        }
        return wanted == 0 ? 1.0 : (double) found / wanted;
    }

    /** The rows of the k largest inner products, by a full scan. */
    public static int[] exactTopK(ItemEmbeddings items, float[] query, int k) {
        int n = Math.min(k, items.count());
        int[] rows = new int[n];
        float[] scores = new float[n];
        int size = 0;
        for (int row = 0; row < items.count(); row++) {
            float s = items.dot(query, row);
            if (size < n) {
                insert(rows, scores, size++, row, s);
            } else if (s > scores[n - 1]) {
                insert(rows, scores, n - 1, row, s);
            }
        }
        return rows;
    }

    // Places (row, score) into the descending list, shifting lower entries down from slot `free`.
    private static void insert(int[] rows, float[] scores, int free, int row, float score) {
        int i = free;
        while (i > 0 && scores[i - 1] < score) {
            scores[i] = scores[i - 1];
            rows[i] = rows[i - 1];
            i--;
        }
        scores[i] = score;
        rows[i] = row;
    }
}
