/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

/**
 * What one index measured on one dataset.
 *
 * @param name the row's label
 * @param buildSeconds wall-clock build time (two threads), 0 for brute force
 * @param indexBytes bytes of the index with its vectors: jvector's {@code ramBytesUsed} plus the vectors it
 *     searches, hnswlib's serialized index (which holds its vectors)
 * @param sweep recall and QPS per candidate count
 */
record IndexResult(String name, double buildSeconds, long indexBytes, Sweep sweep) {}
