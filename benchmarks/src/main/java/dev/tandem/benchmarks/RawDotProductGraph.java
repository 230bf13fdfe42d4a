/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import dev.tandem.bundle.HnswParams;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The baseline Tandem does not ship: jvector's DOT_PRODUCT graph fed the model's unnormalised vectors as they
 * are, with no MIPS reduction. jvector documents DOT_PRODUCT for unit vectors; this row shows what recall costs
 * when that is ignored, on the same parameters as Tandem's graphs.
 */
final class RawDotProductGraph {

    private static final VectorTypeSupport VECTORS =
            VectorizationProvider.getInstance().getVectorTypeSupport();

    private RawDotProductGraph() {}

    static IndexResult measure(Dataset data, HnswParams params, ForkJoinPool pool, int[] candidates) {
        int dim = data.dim();
        List<VectorFloat<?>> vectors = new ArrayList<>(data.items().count());
        long start = System.nanoTime();
        double cpu = IndexResult.processCpuSeconds();
        for (int row = 0; row < data.items().count(); row++) {
            vectors.add(VECTORS.createFloatVector(data.items().vector(row)));
        }
        RandomAccessVectorValues ravv = new ListRandomAccessVectorValues(vectors, dim);
        BuildScoreProvider scores =
                BuildScoreProvider.randomAccessScoreProvider(ravv, VectorSimilarityFunction.DOT_PRODUCT);
        try (GraphIndexBuilder builder = GraphIndexBuilder.builder(scores, dim, params.maxDegree())
                        .withBeamWidth(params.beamWidth())
                        .withNeighborOverflow(params.neighborOverflow())
                        .withAlpha(params.alpha())
                        .withSimdExecutor(pool)
                        .withParallelExecutor(pool)
                        .build();
                ImmutableGraphIndex graph = builder.build(ravv);
                GraphSearcher searcher = new GraphSearcher(graph)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = IndexResult.processCpuSeconds() - cpu;
            QuerySweep.Search search = (query, k, c) -> {
                DefaultSearchScoreProvider provider = DefaultSearchScoreProvider.exact(
                        VECTORS.createFloatVector(query), VectorSimilarityFunction.DOT_PRODUCT, ravv);
                SearchResult result = searcher.search(
                        provider, k, Math.max(k, c), Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Bits.ALL);
                SearchResult.NodeScore[] nodes = result.getNodes();
                int[] rows = new int[nodes.length];
                for (int i = 0; i < nodes.length; i++) {
                    rows[i] = nodes[i].node;
                }
                return rows;
            };
            Sweep sweep = QuerySweep.run(data, search, candidates);
            long bytes = graph.ramBytesUsed() + 4L * dim * data.items().count();
            return new IndexResult("jvector DOT_PRODUCT raw vectors", seconds, cpuSeconds, bytes, sweep);
        } catch (IOException e) {
            throw new UncheckedIOException("jvector failed to close its graph", e);
        }
    }
}
