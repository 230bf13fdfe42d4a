/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.bundle.ItemMetadata;
import java.util.Arrays;

/**
 * The items of one pair: id ↔ row, and the per-item signals re-ranking blends in, each scaled to [0, 1] so
 * that their weights read in the units of the model's score: popularity as its percentile in the catalog,
 * freshness as {@code 2^(−age / halfLife)} with the age counted from the catalog's newest release (so a bundle
 * ranks the same whenever it is served).
 */
public final class ItemCatalog {

    private final long[] ids;
    private final ItemRows rows;
    private final float[] popularityPercentile;
    private final long[] releaseEpochSeconds;
    private final long newestRelease;

    public ItemCatalog(ItemEmbeddings items, ItemMetadata metadata) {
        int n = items.count();
        this.ids = new long[n];
        for (int row = 0; row < n; row++) {
            ids[row] = items.id(row);
        }
        this.rows = new ItemRows(ids);
        this.popularityPercentile = percentiles(metadata.popularity());
        this.releaseEpochSeconds = metadata.releaseEpochSeconds().clone();
        this.newestRelease = Arrays.stream(releaseEpochSeconds).max().orElse(0);
    }

    public int size() {
        return ids.length;
    }

    public long id(int row) {
        return ids[row];
    }

    /** The row of an item id, or -1 when this pair's catalog does not have it. */
    public int row(long id) {
        return rows.row(id);
    }

    /** The item's popularity as the share of catalog items that are less popular, in [0, 1]. */
    public float popularity(int row) {
        return popularityPercentile[row];
    }

    /** 1 for the newest item, halving every {@code halfLifeSeconds} of age before it. */
    public float freshness(int row, double halfLifeSeconds) {
        double age = Math.max(0, newestRelease - releaseEpochSeconds[row]);
        return (float) Math.pow(2, -age / halfLifeSeconds);
    }

    // Ranks by sorting one long per item, the popularity's bits (made to order like Float.compare) above the
    // row, so ties keep row order; an Integer[] sorted by a comparator would be a million objects per load.
    private static float[] percentiles(float[] popularity) {
        int n = popularity.length;
        long[] order = new long[n];
        for (int row = 0; row < n; row++) {
            int bits = Float.floatToIntBits(popularity[row]);
            int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
            order[row] = ((long) ordered << 32) | row;
        }
        Arrays.sort(order);
        float[] out = new float[n];
        for (int rank = 0; rank < n; rank++) {
            out[(int) order[rank]] = n == 1 ? 1f : (float) rank / (n - 1);
        }
        return out;
    }
}
