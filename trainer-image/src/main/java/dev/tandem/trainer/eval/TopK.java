/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.eval;

import java.util.PriorityQueue;
import java.util.Set;

/** Exact top-k selection over a score array, skipping excluded rows. */
final class TopK {

    private TopK() {}

    static int[] of(float[] scores, int k, Set<Integer> excluded) {
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, (a, b) -> {
            int c = Float.compare(scores[a], scores[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int row = 0; row < scores.length; row++) {
            if (excluded.contains(row)) {
                continue;
            }
            if (heap.size() < k) {
                heap.add(row);
            } else if (scores[row] > scores[heap.peek()]) {
                heap.poll();
                heap.add(row);
            }
        }
        int[] top = new int[heap.size()];
        for (int i = top.length - 1; i >= 0; i--) {
            top[i] = heap.poll();
        }
        return top;
    }
}
