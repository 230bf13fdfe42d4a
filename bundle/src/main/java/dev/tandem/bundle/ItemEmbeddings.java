/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import java.util.Arrays;

/**
 * Item ids and their vectors, row {@code i} of the matrix belonging to {@code ids[i]}. The tower's
 * input refers to items by row + 1 (0 is padding); this is the table that maps ids to rows.
 */
public final class ItemEmbeddings {

    private final long[] ids;
    private final float[] vectors;
    private final int dim;

    /**
     * @param ids item ids, one per row
     * @param vectors row-major {@code [ids.length, dim]}
     * @param dim vector dimension
     */
    public ItemEmbeddings(long[] ids, float[] vectors, int dim) {
        if (dim <= 0) {
            throw new IllegalArgumentException("dim must be positive: " + dim);
        }
        if ((long) ids.length * dim != vectors.length) {
            throw new IllegalArgumentException(ids.length + " ids need " + (long) ids.length * dim + " floats at dim "
                    + dim + ", got " + vectors.length);
        }
        this.ids = ids;
        this.vectors = vectors;
        this.dim = dim;
    }

    public int count() {
        return ids.length;
    }

    public int dim() {
        return dim;
    }

    public long id(int row) {
        return ids[row];
    }

    /** A copy of one item's vector. */
    public float[] vector(int row) {
        return Arrays.copyOfRange(vectors, row * dim, (row + 1) * dim);
    }

    /** Inner product of a query with one item's vector, without copying. */
    public float dot(float[] query, int row) {
        float sum = 0f;
        int base = row * dim;
        for (int k = 0; k < dim; k++) {
            sum += query[k] * vectors[base + k];
        }
        return sum;
    }

    long[] idsArray() {
        return ids;
    }

    float[] vectorsArray() {
        return vectors;
    }
}
