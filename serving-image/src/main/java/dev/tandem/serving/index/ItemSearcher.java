/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.index;

import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Top-k items for a user vector by inner product, searched in the graph with the excluded rows rejected
 * inside the search (so k results come back even when most items are excluded). One per thread.
 */
public final class ItemSearcher implements AutoCloseable {

    /** One result: the item's row in the bundle and the model's inner product with the query. */
    public record Hit(int row, float score) {}

    private final ItemGraph index;
    private final GraphSearcher searcher;

    ItemSearcher(ItemGraph index) {
        this.index = index;
        this.searcher = new GraphSearcher(index.graph());
    }

    /**
     * @param query the user vector (model space, not transformed)
     * @param k results wanted
     * @param accept rows that may be returned; {@code Bits.ALL} for all
     */
    public Hit[] search(float[] query, int k, Bits accept) {
        return search(query, k, index.params().overquery(), accept);
    }

    /**
     * As {@link #search(float[], int, Bits)} with another overquery than the graph's default: the search keeps
     * {@code k × overquery} candidates, trading speed for recall.
     */
    public Hit[] search(float[] query, int k, int overquery, Bits accept) {
        if (overquery < 1) {
            throw new IllegalArgumentException("overquery must be at least 1: " + overquery);
        }
        float[] q = index.transform().query(query);
        DefaultSearchScoreProvider scores = DefaultSearchScoreProvider.exact(
                index.vectorOf(q), VectorSimilarityFunction.EUCLIDEAN, index.vectorsFor(searcher));
        int rerankK = Math.max(k, k * overquery);
        SearchResult result = searcher.search(scores, k, rerankK, 0f, 0f, accept);
        SearchResult.NodeScore[] nodes = result.getNodes();
        Hit[] hits = new Hit[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            // jvector scores EUCLIDEAN as 1 / (1 + d²); for unit vectors d² = 2 − 2·dot.
            float squaredDistance = 1 / nodes[i].score - 1;
            float transformedDot = 1 - squaredDistance / 2;
            hits[i] = new Hit(nodes[i].node, index.transform().innerProduct(transformedDot, query));
        }
        return hits;
    }

    @Override
    public void close() {
        try {
            searcher.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
