/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.eval;

import java.util.ArrayList;
import java.util.List;

/** Baseline: the most watched items before the cutoff, the same for everyone (minus what each has seen). */
public final class PopularityRecommender implements Recommender {

    private final float[] scores;

    public PopularityRecommender(int[] trainingCounts) {
        scores = new float[trainingCounts.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = trainingCounts[i];
        }
    }

    @Override
    public String name() {
        return "popularity";
    }

    @Override
    public List<int[]> recommend(List<Holdout.User> users, int k) {
        List<int[]> out = new ArrayList<>(users.size());
        for (Holdout.User user : users) {
            out.add(TopK.of(scores, k, user.seen()));
        }
        return out;
    }
}
