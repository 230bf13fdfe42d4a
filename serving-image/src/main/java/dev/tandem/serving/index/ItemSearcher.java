/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.index;

import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
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
        return run(query, k, Math.max(k, k * overquery), accept);
    }

    /**
     * The best {@code count} rows as candidates for re-ranking, when the caller returns the top {@code k} of them
     * after re-ranking. The search is as thorough as a top-{@code k} search (its beam is {@code k × overquery},
     * or {@code count} where that is wider): overquery buys recall for the few results a user sees, and
     * multiplying a hundred candidates by it would search ten times wider for no better top-k.
     */
    public Hit[] candidates(float[] query, int count, int k, Bits accept) {
        if (k < 1 || count < k) {
            throw new IllegalArgumentException("need 1 <= k <= count, got k=" + k + ", count=" + count);
        }
        return run(query, count, Math.max(count, k * index.params().overquery()), accept);
    }

    private Hit[] run(float[] query, int count, int beam, Bits accept) {
        GraphSpace space = index.space();
        DefaultSearchScoreProvider scores = DefaultSearchScoreProvider.exact(
                index.vectorOf(space.query(query)), space.function(), index.vectorsFor(searcher));
        // No score threshold: DOT_PRODUCT scores of unnormalised vectors may fall below zero and still count.
        SearchResult result =
                searcher.search(scores, count, beam, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, accept);
        SearchResult.NodeScore[] nodes = result.getNodes();
        Hit[] hits = new Hit[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            hits[i] = new Hit(nodes[i].node, space.innerProduct(nodes[i].score, query));
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
