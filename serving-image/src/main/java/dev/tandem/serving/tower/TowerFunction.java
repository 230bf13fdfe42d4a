/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.tower;

/** A user tower as the request path sees it: rows of recent items in, one user vector per row out. */
public interface TowerFunction extends AutoCloseable {

    /** How many recent items one input row holds (L). */
    int historyLength();

    /** The value of an empty history slot. */
    long padValue();

    /** The length of a user vector. */
    int dim();

    /**
     * @param inputs row-major {@code [count, L]} tower input values (item row + 1, padded at the front)
     * @return row-major {@code [count, dim]} user vectors
     */
    float[] userVectors(long[] inputs, int count);

    @Override
    void close();
}
