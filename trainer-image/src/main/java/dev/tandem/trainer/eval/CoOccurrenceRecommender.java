/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.eval;

import dev.tandem.trainer.dataset.WatchLog;
import dev.tandem.trainer.model.ItemIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline: items watched close to the user's recent items by other users ("people who watched X also
 * watched Y"), counted over a sliding window of each user's sequence before the cutoff. Popularity breaks ties
 * and fills in for users whose recent items co-occur with little.
 */
public final class CoOccurrenceRecommender implements Recommender {

    private static final int WINDOW = 5;
    private static final int RECENT = 5;

    private final Map<Integer, Map<Integer, Integer>> neighbours = new HashMap<>();
    private final float[] popularity;

    public CoOccurrenceRecommender(WatchLog log, ItemIndex index, long cutoff, int[] trainingCounts) {
        Map<Long, int[]> recent = new HashMap<>();
        Map<Long, Integer> filled = new HashMap<>();
        for (int i = 0; i < log.size() && log.timestamp(i) < cutoff; i++) {
            int row = index.row(log.item(i));
            if (row < 0) {
                continue;
            }
            long user = log.user(i);
            int[] window = recent.computeIfAbsent(user, u -> new int[WINDOW]);
            int n = filled.getOrDefault(user, 0);
            for (int w = 0; w < Math.min(n, WINDOW); w++) {
                int other = window[w];
                if (other != row) {
                    neighbours.computeIfAbsent(other, o -> new HashMap<>()).merge(row, 1, Integer::sum);
                    neighbours.computeIfAbsent(row, o -> new HashMap<>()).merge(other, 1, Integer::sum);
                }
            }
            window[n % WINDOW] = row;
            filled.put(user, n + 1);
        }
        long total = 0;
        for (int c : trainingCounts) {
            total += c;
        }
        popularity = new float[trainingCounts.length];
        for (int r = 0; r < popularity.length; r++) {
            // Below one co-occurrence: popularity only orders what co-occurrence leaves tied.
            popularity[r] = total == 0 ? 0 : 0.5f * trainingCounts[r] / total;
        }
    }

    @Override
    public String name() {
        return "co-occurrence";
    }

    @Override
    public List<int[]> recommend(List<Holdout.User> users, int k) {
        List<int[]> out = new ArrayList<>(users.size());
        for (Holdout.User user : users) {
            float[] scores = popularity.clone();
            long[] history = user.history();
            for (int h = Math.max(0, history.length - RECENT); h < history.length; h++) {
                if (history[h] == ItemIndex.PAD) {
                    continue;
                }
                Map<Integer, Integer> near = neighbours.get((int) history[h] - 1);
                if (near != null) {
                    near.forEach((row, count) -> scores[row] += count);
                }
            }
            out.add(TopK.of(scores, k, user.seen()));
        }
        return out;
    }
}
