/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * What one index measured on one dataset.
 *
 * @param name the row's label
 * @param buildSeconds wall-clock build time (two threads), 0 for brute force
 * @param buildCpuSeconds CPU seconds of the building process (all threads, for the JVM GC and JIT too): the
 *     build figure that holds up when other work shares the cores
 * @param indexBytes bytes of the index with its vectors: jvector's {@code ramBytesUsed} plus the vectors it
 *     searches, hnswlib's serialized index (which holds its vectors)
 * @param sweep recall and QPS per candidate count
 */
record IndexResult(String name, double buildSeconds, double buildCpuSeconds, long indexBytes, Sweep sweep) {

    /** CPU seconds this JVM has used so far, all threads. */
    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }
}
