/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.index;

import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.serving.tower.TowerFunction;
import dev.tandem.serving.tower.UserTower;
import io.github.jbellis.jvector.util.Bits;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Recall@k of the graph search against exact inner-product search over the same items, on a set of query
 * vectors: the figure a RecIndex reports and a rollout's analysis checks.
 */
public final class ProbeRecall {

    private ProbeRecall() {}

    /**
     * The outcome of one probe.
     *
     * @param queries query vectors probed
     * @param k results compared per query
     * @param recall the mean share of the exact top-k that the graph search found
     * @param exactNanos time spent in exact search (full scans), all queries together
     * @param graphNanos time spent in graph search, all queries together
     */
    public record Measurement(int queries, int k, double recall, long exactNanos, long graphNanos) {}

    /** A graph search as its caller runs it: the best {@code k} rows for a query in model space. */
    @FunctionalInterface
    public interface Search {
        ItemSearcher.Hit[] topK(float[] query, int k);
    }

    /**
     * Recall of the graph's default search (its own overquery, nothing excluded), through a searcher of its own.
     *
     * @param queries row-major {@code [count, dim]} query vectors
     * @return the mean share of the exact top-k that the graph search found
     */
    public static double measure(ItemGraph graph, float[] queries, int count, int k) {
        try (ItemSearcher searcher = graph.searcher()) {
            return measure(graph.items(), queries, count, k, (query, n) -> searcher.search(query, n, Bits.ALL))
                    .recall();
        }
    }

    /**
     * Recall@k of {@code search} against exact inner-product search over {@code items}, timing each side.
     *
     * @param queries row-major {@code [count, dim]} query vectors
     */
    public static Measurement measure(ItemEmbeddings items, float[] queries, int count, int k, Search search) {
        int dim = items.dim();
        long found = 0;
        long wanted = 0;
        long exactNanos = 0;
        long graphNanos = 0;
        for (int q = 0; q < count; q++) {
            float[] query = Arrays.copyOfRange(queries, q * dim, (q + 1) * dim);
            long start = System.nanoTime();
            ItemSearcher.Hit[] hits = search.topK(query, k);
            long searched = System.nanoTime();
            int[] exact = exactTopK(items, query, k);
            exactNanos += System.nanoTime() - searched;
            graphNanos += searched - start;
            for (int i = 0; i < Math.min(k, hits.length); i++) {
                for (int row : exact) {
                    if (row == hits[i].row()) {
                        found++;
                        break;
                    }
                }
            }
            wanted += exact.length;
        }
        return new Measurement(count, k, wanted == 0 ? 1.0 : (double) found / wanted, exactNanos, graphNanos);
    }

    /** The rows of the k largest inner products, by a full scan. */
    public static int[] exactTopK(ItemEmbeddings items, float[] query, int k) {
        return exactTopK(items, query, k, Bits.ALL);
    }

    /** The rows of the k largest inner products among the accepted rows, by a full scan; fewer if fewer pass. */
    public static int[] exactTopK(ItemEmbeddings items, float[] query, int k, Bits accept) {
        int n = Math.min(k, items.count());
        int[] rows = new int[n];
        float[] scores = new float[n];
        int size = 0;
        for (int row = 0; row < items.count(); row++) {
            if (!accept.get(row)) {
                continue;
            }
            float s = items.dot(query, row);
            if (size < n) {
                insert(rows, scores, size++, row, s);
            } else if (s > scores[n - 1]) {
                insert(rows, scores, n - 1, row, s);
            }
        }
        return size == n ? rows : Arrays.copyOf(rows, size);
    }

    /**
     * User vectors from the bundle's own tower for random histories of 1..L items, padded at the front: the
     * queries an index will see, rather than item vectors. Deterministic for a given count.
     */
    public static float[] userVectors(VerifiedBundle bundle, int count) {
        try (UserTower tower = UserTower.load(bundle)) {
            return userVectors(tower, bundle.embeddings().count(), count);
        }
    }

    /**
     * As {@link #userVectors(VerifiedBundle, int)} through a tower already loaded (a served pair's): the same
     * histories, so the same probe set for the same count.
     *
     * @param items the number of items the tower knows
     */
    public static float[] userVectors(TowerFunction tower, int items, int count) {
        int length = tower.historyLength();
        SplittableRandom random = new SplittableRandom(count);
        long[] inputs = new long[count * length];
        for (int q = 0; q < count; q++) {
            int filled = 1 + random.nextInt(length);
            for (int i = 0; i < length; i++) {
                inputs[q * length + i] = i < length - filled ? tower.padValue() : 1L + random.nextInt(items);
            }
        }
        return tower.userVectors(inputs, count);
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
