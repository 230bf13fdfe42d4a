/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

/**
 * How the HNSW graph is built and searched.
 *
 * @param maxDegree neighbours per node (jvector's M; M=32 here compares with hnswlib's M=16)
 * @param beamWidth candidates considered while building (efConstruction)
 * @param overquery candidates searched per result wanted: a top-k search keeps {@code k × overquery} before
 *     reranking, which is what keeps recall high
 * @param neighborOverflow how far a node's neighbour list may overfill before it is pruned
 * @param alpha diversity of the kept neighbours (1 = plain HNSW pruning)
 */
public record HnswParams(int maxDegree, int beamWidth, int overquery, float neighborOverflow, float alpha) {

    public HnswParams {
        if (maxDegree < 2 || maxDegree > 512) {
            throw new IllegalArgumentException("maxDegree must be in [2, 512]: " + maxDegree);
        }
        if (beamWidth < maxDegree) {
            throw new IllegalArgumentException("beamWidth must be at least maxDegree: " + beamWidth);
        }
        if (overquery < 1) {
            throw new IllegalArgumentException("overquery must be at least 1: " + overquery);
        }
    }

    public static HnswParams defaults() {
        return new HnswParams(32, 200, 10, 1.2f, 1.2f);
    }
}
