/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.index;

import dev.tandem.bundle.HnswParams;
import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.bundle.MipsStrategy;
import dev.tandem.bundle.VerifiedIndex;
import io.github.jbellis.jvector.disk.ReaderSupplier;
import io.github.jbellis.jvector.disk.ReaderSupplierFactory;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.disk.OnDiskGraphIndex;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The HNSW graph over one bundle's item vectors, built in the space of a {@link MipsStrategy} so that graph
 * search ranks like the model's inner product. Either built in memory or loaded from an index file (memory-mapped, so the
 * page cache holds it rather than the heap). Immutable and shared by all threads; each thread searches
 * through its own {@link ItemSearcher} (jvector's searchers are not thread-safe).
 */
public final class ItemGraph implements AutoCloseable {

    private static final VectorTypeSupport VECTORS =
            VectorizationProvider.getInstance().getVectorTypeSupport();

    private final ItemEmbeddings items;
    private final GraphSpace space;
    private final ImmutableGraphIndex graph;
    private final HnswParams params;
    // In-memory graphs share one thread-safe vector list; mapped graphs read vectors through each
    // searcher's own view of the file, so this is null for them.
    private final RandomAccessVectorValues sharedVectors;
    private final AutoCloseable file;

    private ItemGraph(
            ItemEmbeddings items,
            GraphSpace space,
            ImmutableGraphIndex graph,
            HnswParams params,
            RandomAccessVectorValues sharedVectors,
            AutoCloseable file) {
        this.items = items;
        this.space = space;
        this.graph = graph;
        this.params = params;
        this.sharedVectors = sharedVectors;
        this.file = file;
    }

    /**
     * Builds the graph in memory.
     *
     * @param strategy the space the graph is built in ({@link MipsStrategy#MOBIUS} measures best)
     * @param pool the threads building uses (jvector's default pool runs one thread on a 2-core machine)
     */
    public static ItemGraph build(ItemEmbeddings items, MipsStrategy strategy, HnswParams params, ForkJoinPool pool) {
        GraphSpace space = GraphSpace.fit(strategy, items);
        int dim = space.dimension(items.dim());
        List<VectorFloat<?>> vectors = new ArrayList<>(items.count());
        for (int row = 0; row < items.count(); row++) {
            vectors.add(VECTORS.createFloatVector(space.item(items.vector(row))));
        }
        RandomAccessVectorValues ravv = new ListRandomAccessVectorValues(vectors, dim);
        RandomAccessVectorValues buildRavv = ravv;
        if (space.buildsElsewhere()) {
            // Edges are chosen among other vectors than the stored ones; these are garbage once the graph is built.
            List<VectorFloat<?>> built = new ArrayList<>(items.count());
            for (int row = 0; row < items.count(); row++) {
                built.add(VECTORS.createFloatVector(space.buildItem(items.vector(row))));
            }
            buildRavv = new ListRandomAccessVectorValues(built, dim);
        }
        BuildScoreProvider scores = BuildScoreProvider.randomAccessScoreProvider(buildRavv, space.buildFunction());
        try (GraphIndexBuilder builder = GraphIndexBuilder.builder(scores, dim, params.maxDegree())
                .withBeamWidth(params.beamWidth())
                .withNeighborOverflow(params.neighborOverflow())
                .withAlpha(params.alpha())
                .withSimdExecutor(pool)
                .withParallelExecutor(pool)
                .build()) {
            ImmutableGraphIndex graph = builder.build(buildRavv);
            return new ItemGraph(items, space, graph, params, ravv, null);
        } catch (IOException e) {
            throw new UncheckedIOException("jvector failed to close its graph builder", e);
        }
    }

    /** Maps a verified index file; {@code items} are the embeddings of the bundle it was verified against. */
    public static ItemGraph load(ItemEmbeddings items, VerifiedIndex index) throws IOException {
        ReaderSupplier reader = ReaderSupplierFactory.open(index.graphFile());
        try {
            OnDiskGraphIndex graph = OnDiskGraphIndex.load(reader);
            GraphSpace space =
                    GraphSpace.of(index.manifest().reduction(), index.manifest().maxItemNorm());
            int dim = space.dimension(items.dim());
            if (graph.size(0) != items.count() || graph.getDimension() != dim) {
                throw new IOException("graph file holds " + graph.size(0) + " vectors of dim " + graph.getDimension()
                        + ", the bundle " + items.count() + " of dim " + dim + " in the " + space.strategy()
                        + " space");
            }
            return new ItemGraph(items, space, graph, index.manifest().params(), null, reader);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Writes the graph with its vectors inline, in the format {@link #load} maps. */
    public void write(Path graphFile) throws IOException {
        if (sharedVectors == null) {
            throw new IllegalStateException("a mapped graph is already on disk");
        }
        OnDiskGraphIndex.write(graph, sharedVectors, graphFile);
    }

    /** A searcher for the calling thread. */
    public ItemSearcher searcher() {
        return new ItemSearcher(this);
    }

    public int size() {
        return items.count();
    }

    /** A copy of one item's vector in model space (the query of an item-to-item search). */
    public float[] itemVector(int row) {
        return items.vector(row);
    }

    public HnswParams params() {
        return params;
    }

    /** The space the graph was built in. */
    public MipsStrategy strategy() {
        return space.strategy();
    }

    /** The largest item norm, which the index manifest records (the extra-dimension space needs it). */
    public double maxItemNorm() {
        return space instanceof ExtraDimensionSpace extra ? extra.maxNorm() : ExtraDimensionSpace.maxNorm(items);
    }

    /** Heap and native bytes jvector accounts to the graph structure (vectors of mapped graphs excluded). */
    public long ramBytesUsed() {
        return graph.ramBytesUsed();
    }

    /** The items in model space, as the bundle holds them: what exact search scans. */
    public ItemEmbeddings items() {
        return items;
    }

    GraphSpace space() {
        return space;
    }

    ImmutableGraphIndex graph() {
        return graph;
    }

    RandomAccessVectorValues vectorsFor(GraphSearcher searcher) {
        return sharedVectors != null ? sharedVectors : (RandomAccessVectorValues) searcher.getView();
    }

    VectorFloat<?> vectorOf(float[] values) {
        return VECTORS.createFloatVector(values);
    }

    @Override
    public void close() throws IOException {
        graph.close();
        if (file != null) {
            try {
                file.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
