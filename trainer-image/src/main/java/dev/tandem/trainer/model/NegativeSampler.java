/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws shared negatives for sampled softmax from a smoothed popularity distribution Q (frequency^0.75, as
 * word2vec does) and reports log Q for the logQ correction. With expected-count correction the estimator
 * stays consistent for the full softmax (Bengio & Senécal 2008; Yi et al. 2019).
 */
final class NegativeSampler {

    private final double[] cumulative;
    private final double[] logExpectedCount;
    private final SplittableRandom random;

    /** The negatives of one step and what the loss needs to know about them. */
    record Draw(long[] rows, float[] rowLogQ, float[] targetLogQ, float[] accidentalHits) {}

    NegativeSampler(double[] popularity, SplittableRandom random) {
        this.random = random;
        double[] q = new double[popularity.length];
        double total = 0;
        for (int i = 0; i < q.length; i++) {
            q[i] = Math.pow(Math.max(popularity[i], 0) + 1e-6, 0.75);
            total += q[i];
        }
        cumulative = new double[q.length];
        logExpectedCount = new double[q.length];
        double sum = 0;
        for (int i = 0; i < q.length; i++) {
            sum += q[i] / total;
            cumulative[i] = sum;
            logExpectedCount[i] = Math.log(q[i] / total);
        }
    }

    Draw draw(int count, int[] targets) {
        long[] rows = new long[count];
        float[] rowLogQ = new float[count];
        for (int s = 0; s < count; s++) {
            int row = search(random.nextDouble() * cumulative[cumulative.length - 1]);
            rows[s] = row;
            rowLogQ[s] = (float) (logExpectedCount[row] + Math.log(count));
        }
        float[] targetLogQ = new float[targets.length];
        float[] hits = new float[targets.length * count];
        for (int b = 0; b < targets.length; b++) {
            targetLogQ[b] = (float) (logExpectedCount[targets[b]] + Math.log(count));
            for (int s = 0; s < count; s++) {
                if (rows[s] == targets[b]) {
                    hits[b * count + s] = 1f;
                }
            }
        }
        return new Draw(rows, rowLogQ, targetLogQ, hits);
    }

    private int search(double x) {
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(i >= 0 ? i + 1 : -i - 1, cumulative.length - 1);
    }
}
