/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.tower;

/**
 * How a served tower runs.
 *
 * @param maxBatch the most requests one TensorFlow call computes together
 * @param intraOpThreads threads one TensorFlow op may use; 0 lets TensorFlow choose (one per core)
 * @param interOpThreads ops TensorFlow runs at once; 0 lets TensorFlow choose (one per core), -1 runs every op
 *     on the thread that calls the tower
 */
public record TowerSettings(int maxBatch, int intraOpThreads, int interOpThreads) {

    public TowerSettings {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("the tower's max batch must be at least 1: " + maxBatch);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException(
                    "TensorFlow's intra-op threads must be 0 (TensorFlow's choice) or more: " + intraOpThreads);
        }
        if (interOpThreads < -1) {
            throw new IllegalArgumentException("TensorFlow's inter-op threads must be -1 (the calling thread), 0"
                    + " (TensorFlow's choice) or more: " + interOpThreads);
        }
    }

    /** TensorFlow's own thread pools, for offline work such as build-index's probe queries. */
    public static TowerSettings offline() {
        return new TowerSettings(64, 0, 0);
    }
}
