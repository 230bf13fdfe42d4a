/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

/**
 * One setting of a search's speed/recall knob and what it gave.
 *
 * @param candidates candidates the search keeps: {@code k × overquery} for jvector, {@code ef} for hnswlib
 * @param recall mean recall@10 against exact search
 * @param qps queries per second on one thread
 */
record SweepPoint(int candidates, double recall, double qps) {}
