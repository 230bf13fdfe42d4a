/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.i2i;

import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.index.ItemSearcher;

/**
 * Top-k neighbours of items the way the serving "similar items" route finds them: a graph search from the
 * item's own vector by the model's inner product, with the item itself rejected inside the search (so k
 * neighbours come back). No re-ranking: that is a serving-time policy, applied by whoever reads the list.
 * One per thread, like the searcher it owns.
 */
public final class ItemNeighbours implements AutoCloseable {

    private final ItemGraph graph;
    private final ItemEmbeddings items;
    private final int k;
    private final ItemSearcher searcher;

    /**
     * @param items the embeddings the graph was built or verified against (row → item id)
     * @param k neighbours per item
     */
    public ItemNeighbours(ItemGraph graph, ItemEmbeddings items, int k) {
        this.graph = graph;
        this.items = items;
        this.k = k;
        this.searcher = graph.searcher();
    }

    /** The neighbours of the item in {@code row}, best first. */
    public Neighbours of(int row) {
        ItemSearcher.Hit[] hits = searcher.search(graph.itemVector(row), k, other -> other != row);
        long[] ids = new long[hits.length];
        float[] scores = new float[hits.length];
        for (int i = 0; i < hits.length; i++) {
            ids[i] = items.id(hits[i].row());
            scores[i] = hits[i].score();
        }
        return new Neighbours(ids, scores);
    }

    @Override
    public void close() {
        searcher.close();
    }
}
