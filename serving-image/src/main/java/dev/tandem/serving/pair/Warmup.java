/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

import dev.tandem.serving.recommend.RecommendRequest;
import dev.tandem.serving.recommend.Recommendation;
import dev.tandem.serving.recommend.Recommender;
import dev.tandem.serving.recommend.SimilarItemsRequest;
import java.util.SplittableRandom;

/**
 * Sends real requests through a freshly loaded pair before it takes traffic, so that TensorFlow's first-call
 * graph setup, the JIT, and the page cache of a mapped graph are paid for by warm-up rather than by users.
 * Every warm-up request must come back with k results from this pair's version; otherwise the load fails.
 */
public final class Warmup {

    private final Recommender recommender;
    private final int queries;

    /** @param queries how many requests to send; 0 turns warm-up off */
    public Warmup(Recommender recommender, int queries) {
        this.recommender = recommender;
        this.queries = queries;
    }

    public void run(ServedPair pair) {
        ItemCatalog catalog = pair.catalog();
        SplittableRandom random = new SplittableRandom(pair.version());
        int k = Math.min(10, Math.max(1, catalog.size() / 4));
        for (int i = 0; i < queries; i++) {
            Recommendation answer;
            if (i % 4 == 3) {
                long item = catalog.id(random.nextInt(catalog.size()));
                answer = recommender.similarItems(pair, new SimilarItemsRequest(item, new long[0], k));
            } else {
                long[] history = new long[1 + random.nextInt(Math.max(1, Math.min(50, catalog.size() / 2)))];
                for (int h = 0; h < history.length; h++) {
                    history[h] = catalog.id(random.nextInt(catalog.size()));
                }
                answer = recommender.recommend(pair, new RecommendRequest(history, new long[0], k));
            }
            if (answer.modelVersion() != pair.version() || answer.itemIds().length != k) {
                throw new IllegalStateException("warm-up request " + i + " returned " + answer.itemIds().length
                        + " items from version " + answer.modelVersion() + ", expected " + k + " from "
                        + pair.version());
            }
        }
    }
}
