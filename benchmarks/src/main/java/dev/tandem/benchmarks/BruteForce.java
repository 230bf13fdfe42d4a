/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import dev.tandem.serving.index.ProbeRecall;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/** The exact scan serving uses for probe recall, timed on one thread: the speed every index must beat. */
final class BruteForce {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BruteForce() {}

    /** Times at most {@code maxQueries} queries (a full scan of 1M items is tens of milliseconds each). */
    static IndexResult measure(Dataset data, int maxQueries) {
        int count = Math.min(maxQueries, data.queryCount());
        // Warm-up, so the scan loop is compiled before it is timed.
        for (int q = 0; q < Math.min(count, 20); q++) {
            ProbeRecall.exactTopK(data.items(), data.query(q), DatasetCache.K);
        }
        // Thread CPU time, as QuerySweep measures the indexes.
        long start = THREADS.getCurrentThreadCpuTime();
        for (int q = 0; q < count; q++) {
            ProbeRecall.exactTopK(data.items(), data.query(q), DatasetCache.K);
        }
        double qps = count / ((THREADS.getCurrentThreadCpuTime() - start) / 1e9);
        SweepPoint point = new SweepPoint(data.items().count(), 1.0, qps);
        return new IndexResult(
                "exact scan", 0, 0, 4L * data.dim() * data.items().count(), new Sweep(List.of(point)));
    }
}
