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
 * @param interOpThreads ops TensorFlow runs at once; 0 lets TensorFlow choose (one per core)
 */
public record TowerSettings(int maxBatch, int intraOpThreads, int interOpThreads) {

    public TowerSettings {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("the tower's max batch must be at least 1: " + maxBatch);
        }
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("TensorFlow thread counts must be 0 (TensorFlow's choice) or more: "
                    + intraOpThreads + ", " + interOpThreads);
        }
    }

    /** TensorFlow's own thread pools, for offline work such as build-index's probe queries. */
    public static TowerSettings offline() {
        return new TowerSettings(64, 0, 0);
    }
}
