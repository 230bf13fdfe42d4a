/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.eval;

import dev.tandem.bundle.ItemEmbeddings;
import java.util.ArrayList;
import java.util.List;

/** The model's own ranking: exact inner product of the user vector with every item vector. */
public final class EmbeddingRecommender implements Recommender {

    private static final int BATCH = 512;

    private final UserTower tower;
    private final ItemEmbeddings items;
    private final int historyLength;

    public EmbeddingRecommender(UserTower tower, ItemEmbeddings items, int historyLength) {
        this.tower = tower;
        this.items = items;
        this.historyLength = historyLength;
    }

    @Override
    public String name() {
        return "model";
    }

    @Override
    public List<int[]> recommend(List<Holdout.User> users, int k) {
        List<int[]> out = new ArrayList<>(users.size());
        int dim = items.dim();
        float[] scores = new float[items.count()];
        for (int from = 0; from < users.size(); from += BATCH) {
            int count = Math.min(BATCH, users.size() - from);
            long[] histories = new long[count * historyLength];
            for (int u = 0; u < count; u++) {
                System.arraycopy(users.get(from + u).history(), 0, histories, u * historyLength, historyLength);
            }
            float[] vectors = tower.userVectors(histories, count);
            float[] query = new float[dim];
            for (int u = 0; u < count; u++) {
                System.arraycopy(vectors, u * dim, query, 0, dim);
                for (int row = 0; row < scores.length; row++) {
                    scores[row] = items.dot(query, row);
                }
                out.add(TopK.of(scores, k, users.get(from + u).seen()));
            }
        }
        return out;
    }
}
