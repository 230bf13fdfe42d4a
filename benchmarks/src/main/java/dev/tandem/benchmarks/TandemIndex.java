/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import dev.tandem.bundle.HnswParams;
import dev.tandem.bundle.MipsStrategy;
import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.index.ItemSearcher;
import io.github.jbellis.jvector.util.Bits;
import java.util.concurrent.ForkJoinPool;

/** Tandem's serving path, {@link ItemGraph} and {@link ItemSearcher}, built and swept on a dataset. */
final class TandemIndex {

    private TandemIndex() {}

    /** A built graph and its build time; the caller closes the graph. */
    record Built(ItemGraph graph, double buildSeconds, double buildCpuSeconds, long indexBytes) {}

    static Built build(Dataset data, MipsStrategy strategy, HnswParams params, ForkJoinPool pool) {
        long start = System.nanoTime();
        double cpu = IndexResult.processCpuSeconds();
        ItemGraph graph = ItemGraph.build(data.items(), strategy, params, pool);
        double seconds = (System.nanoTime() - start) / 1e9;
        int searchedDim = strategy == MipsStrategy.EXTRA_DIMENSION ? data.dim() + 1 : data.dim();
        long vectors = 4L * searchedDim * data.items().count();
        return new Built(graph, seconds, IndexResult.processCpuSeconds() - cpu, graph.ramBytesUsed() + vectors);
    }

    static IndexResult measure(String name, Built built, Dataset data, int[] candidates) {
        try (ItemSearcher searcher = built.graph().searcher()) {
            Sweep sweep = QuerySweep.run(data, search(searcher, Bits.ALL), candidates);
            return new IndexResult(name, built.buildSeconds(), built.buildCpuSeconds(), built.indexBytes(), sweep);
        }
    }

    /** Serving's search with {@code candidates / k} as the overquery. */
    static QuerySweep.Search search(ItemSearcher searcher, Bits accept) {
        return (query, k, candidates) -> {
            ItemSearcher.Hit[] hits = searcher.search(query, k, Math.max(1, candidates / k), accept);
            int[] rows = new int[hits.length];
            for (int i = 0; i < hits.length; i++) {
                rows[i] = hits[i].row();
            }
            return rows;
        };
    }
}
