/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.serving.index.ProbeRecall;
import io.github.jbellis.jvector.util.Bits;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Exact inner-product top-k by a full scan: the ground truth of every recall figure, and the brute-force row of
 * the tables. Unfiltered it is serving's own {@link ProbeRecall#exactTopK}; filtered it scans the accepted rows
 * only, so recall under exclusion is measured against what a user could actually be shown.
 */
final class ExactSearch {

    private ExactSearch() {}

    /** The exact top-k of every query, queries spread over {@code threads} threads. */
    static int[][] topK(ItemEmbeddings items, float[] queries, int count, int k, Bits accept, int threads) {
        int dim = items.dim();
        int[][] out = new int[count][];
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(q -> {
                        float[] query = Arrays.copyOfRange(queries, q * dim, (q + 1) * dim);
                        out[q] = ProbeRecall.exactTopK(items, query, k, accept);
                    }))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the ground truth", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ground truth failed", e.getCause());
        }
        return out;
    }
}
