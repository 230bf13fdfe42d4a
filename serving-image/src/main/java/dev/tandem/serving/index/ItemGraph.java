/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.index;

import dev.tandem.bundle.ItemEmbeddings;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
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
 * The HNSW graph over one bundle's item vectors, built on their MIPS transform so that graph search ranks
 * like the model's inner product. Immutable once built and shared by all threads; each thread searches through
 * its own {@link ItemSearcher} (jvector's searchers are not thread-safe).
 */
public final class ItemGraph implements AutoCloseable {

    private static final VectorTypeSupport VECTORS =
            VectorizationProvider.getInstance().getVectorTypeSupport();

    private final ItemEmbeddings items;
    private final MipsTransform transform;
    private final RandomAccessVectorValues vectors;
    private final ImmutableGraphIndex graph;
    private final HnswParams params;

    private ItemGraph(
            ItemEmbeddings items,
            MipsTransform transform,
            RandomAccessVectorValues vectors,
            ImmutableGraphIndex graph,
            HnswParams params) {
        this.items = items;
        this.transform = transform;
        this.vectors = vectors;
        this.graph = graph;
        this.params = params;
    }

    /**
     * Builds the graph.
     *
     * @param pool the threads building uses (jvector's default pool runs one thread on a 2-core machine)
     */
    public static ItemGraph build(ItemEmbeddings items, HnswParams params, ForkJoinPool pool) {
        int dim = items.dim();
        float[] raw = new float[items.count() * dim];
        for (int row = 0; row < items.count(); row++) {
            System.arraycopy(items.vector(row), 0, raw, row * dim, dim);
        }
        MipsTransform transform = MipsTransform.fit(raw, dim);
        List<VectorFloat<?>> transformed = new ArrayList<>(items.count());
        for (int row = 0; row < items.count(); row++) {
            transformed.add(VECTORS.createFloatVector(transform.item(raw, row, dim)));
        }
        RandomAccessVectorValues ravv = new ListRandomAccessVectorValues(transformed, dim + 1);
        BuildScoreProvider scores =
                BuildScoreProvider.randomAccessScoreProvider(ravv, VectorSimilarityFunction.EUCLIDEAN);
        try (GraphIndexBuilder builder = GraphIndexBuilder.builder(scores, dim + 1, params.maxDegree())
                .withBeamWidth(params.beamWidth())
                .withNeighborOverflow(params.neighborOverflow())
                .withAlpha(params.alpha())
                .withSimdExecutor(pool)
                .withParallelExecutor(pool)
                .build()) {
            ImmutableGraphIndex graph = builder.build(ravv);
            return new ItemGraph(items, transform, ravv, graph, params);
        } catch (IOException e) {
            throw new UncheckedIOException("jvector failed to close its graph builder", e);
        }
    }

    /** A searcher for the calling thread. */
    public ItemSearcher searcher() {
        return new ItemSearcher(this);
    }

    public int size() {
        return items.count();
    }

    ItemEmbeddings items() {
        return items;
    }

    MipsTransform transform() {
        return transform;
    }

    RandomAccessVectorValues vectors() {
        return vectors;
    }

    ImmutableGraphIndex graph() {
        return graph;
    }

    HnswParams params() {
        return params;
    }

    VectorFloat<?> vectorOf(float[] values) {
        return VECTORS.createFloatVector(values);
    }

    @Override
    public void close() throws IOException {
        graph.close();
    }
}
