/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

import java.util.Arrays;

/**
 * Item id → row, as one open-addressing table of primitive arrays. A {@code HashMap<Long, Integer>} over a
 * million items is three million small objects, which the young collections during a hot swap had to copy
 * while requests waited (pauses of 100–230 ms); two arrays are two objects, and a lookup boxes nothing.
 */
final class ItemRows {

    private static final int EMPTY = -1;

    private final long[] keys;
    private final int[] rows;
    private final int mask;

    /** Maps {@code ids[row]} to row; where an id repeats, its last row wins. */
    ItemRows(long[] ids) {
        int capacity = Integer.highestOneBit(Math.max(2, ids.length * 2 - 1)) << 1;
        this.keys = new long[capacity];
        this.rows = new int[capacity];
        this.mask = capacity - 1;
        Arrays.fill(rows, EMPTY);
        for (int row = 0; row < ids.length; row++) {
            int slot = slot(ids[row]);
            while (rows[slot] != EMPTY && keys[slot] != ids[row]) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = ids[row];
            rows[slot] = row;
        }
    }

    /** The row of {@code id}, or -1. */
    int row(long id) {
        int slot = slot(id);
        while (rows[slot] != EMPTY) {
            if (keys[slot] == id) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    // Fibonacci hashing: ids are often consecutive, and the multiply spreads them over the whole table.
    private int slot(long id) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }
}
