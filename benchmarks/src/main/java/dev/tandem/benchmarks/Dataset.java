/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import dev.tandem.bundle.ItemEmbeddings;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Items, queries and the exact inner-product top-k of each query, as every index in one run sees them. The
 * same three files are what the hnswlib script reads.
 *
 * @param name what the tables call it
 * @param items the item vectors
 * @param queries row-major {@code [queryCount, dim]}
 * @param queryCount number of queries
 * @param truth exact top-k rows per query, best first
 * @param directory where {@link #ITEMS}, {@link #QUERIES} and {@link #TRUTH} lie
 */
record Dataset(String name, ItemEmbeddings items, float[] queries, int queryCount, int[][] truth, Path directory) {

    static final String ITEMS = "items.f32";
    static final String QUERIES = "queries.f32";
    static final String TRUTH = "truth-top10.i32";

    int dim() {
        return items.dim();
    }

    /** A copy of one query. */
    float[] query(int q) {
        return Arrays.copyOfRange(queries, q * dim(), (q + 1) * dim());
    }

    Path itemsFile() {
        return directory.resolve(ITEMS);
    }

    Path queriesFile() {
        return directory.resolve(QUERIES);
    }

    Path truthFile() {
        return directory.resolve(TRUTH);
    }
}
