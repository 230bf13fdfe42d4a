/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every query of a dataset on the calling thread at each candidate count: recall@10 of the results, and
 * QPS as queries over the thread's CPU time, best of {@link #REPEATS} passes. CPU time rather than wall time
 * because the benchmark shares two cores with builds and runs niced: a preempted query is not a slow one. The
 * hnswlib script times its single query thread the same way.
 */
final class QuerySweep {

    /** A single-threaded top-k search with a candidate budget, returning rows best first. */
    @FunctionalInterface
    interface Search {
        int[] topK(float[] query, int k, int candidates);
    }

    /** Candidate counts of the sweeps: {@code k × overquery} for overquery 1 to 50. */
    static final int[] CANDIDATES = {10, 20, 30, 40, 50, 60, 80, 100, 130, 160, 200, 250, 320, 400, 500};

    static final int REPEATS = 3;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private QuerySweep() {}

    static Sweep run(Dataset data, Search search, int[] candidates) {
        // One pass at a middle setting so that the JIT has compiled the search before anything is timed.
        pass(data, search, candidates[candidates.length / 2]);
        List<SweepPoint> points = new ArrayList<>();
        for (int c : candidates) {
            points.add(pass(data, search, c));
        }
        return new Sweep(points);
    }

    static SweepPoint pass(Dataset data, Search search, int candidates) {
        float[][] queries = new float[data.queryCount()][];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = data.query(q);
        }
        int[][] found = new int[queries.length][];
        double best = Double.MAX_VALUE;
        for (int r = 0; r < REPEATS; r++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int q = 0; q < queries.length; q++) {
                found[q] = search.topK(queries[q], DatasetCache.K, candidates);
            }
            best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - start) / 1e9);
        }
        return new SweepPoint(candidates, recall(data.truth(), found), queries.length / best);
    }

    /** Mean share of each exact top-k found. */
    static double recall(int[][] truth, int[][] found) {
        long hits = 0;
        long wanted = 0;
        for (int q = 0; q < truth.length; q++) {
            for (int row : truth[q]) {
                for (int f : found[q]) {
                    if (f == row) {
                        hits++;
                        break;
                    }
                }
            }
            wanted += truth[q].length;
        }
        return wanted == 0 ? 1 : (double) hits / wanted;
    }
}
