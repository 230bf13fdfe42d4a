/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.recommend;

import io.github.jbellis.jvector.util.Bits;
import java.util.Arrays;

/**
 * The rows a search must not return, as jvector accept bits. Requests exclude tens to hundreds of items, so a
 * sorted array searched by bisection costs a few comparisons per visited node and allocates one small array
 * (a bit set over a million items would allocate 125 KB per request).
 */
final class ExcludedRows implements Bits {

    private final int[] sorted;

    ExcludedRows(int[] rows, int count) {
        int[] copy = Arrays.copyOf(rows, count);
        Arrays.sort(copy);
        this.sorted = copy;
    }

    int count() {
        return sorted.length;
    }

    @Override
    public boolean get(int row) {
        return Arrays.binarySearch(sorted, row) < 0;
    }
}
