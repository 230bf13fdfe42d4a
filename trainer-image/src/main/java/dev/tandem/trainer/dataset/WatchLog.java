/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

import java.util.Arrays;

/**
 * The watch events of a dataset, column by column and ordered by time, so a time split is a cut at an
 * index. Columns are primitive arrays: ten million events fit in ~300 MB.
 */
public final class WatchLog {

    private final long[] users;
    private final long[] items;
    private final long[] timestamps;
    private final float[] watchRatios;

    /**
     * @param users user id per event
     * @param items item id per event
     * @param timestamps unix seconds per event, non-decreasing
     * @param watchRatios fraction watched per event (0..1), {@code NaN} where unknown
     */
    public WatchLog(long[] users, long[] items, long[] timestamps, float[] watchRatios) {
        int n = users.length;
        if (items.length != n || timestamps.length != n || watchRatios.length != n) {
            throw new IllegalArgumentException("all columns need one entry per event");
        }
        for (int i = 1; i < n; i++) {
            if (timestamps[i] < timestamps[i - 1]) {
                throw new IllegalArgumentException(
                        "events must be ordered by time; event " + i + " is earlier than " + (i - 1));
            }
        }
        this.users = users;
        this.items = items;
        this.timestamps = timestamps;
        this.watchRatios = watchRatios;
    }

    /** Orders columns by time, keeping the given order among events of the same second, and wraps them. */
    public static WatchLog sorted(long[] users, long[] items, long[] timestamps, float[] watchRatios) {
        int[] order = timeOrder(timestamps);
        int n = order.length;
        long[] u = new long[n];
        long[] it = new long[n];
        long[] t = new long[n];
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            int j = order[i];
            u[i] = users[j];
            it[i] = items[j];
            t[i] = timestamps[j];
            r[i] = watchRatios[j];
        }
        return new WatchLog(u, it, t, r);
    }

    /** A stable order by time. Packs (time, index) into one long so ten million events sort as primitives. */
    private static int[] timeOrder(long[] timestamps) {
        int n = timestamps.length;
        long min = Arrays.stream(timestamps).min().orElse(0);
        long max = Arrays.stream(timestamps).max().orElse(0);
        int[] order = new int[n];
        if (n > 0 && (max - min) < Long.MAX_VALUE / Math.max(n, 1)) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = (timestamps[i] - min) * n + i;
            }
            Arrays.sort(keys);
            for (int i = 0; i < n; i++) {
                order[i] = (int) (keys[i] % n);
            }
            return order;
        }
        Integer[] boxed = new Integer[n];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, (a, b) -> Long.compare(timestamps[a], timestamps[b]));
        Arrays.setAll(order, i -> boxed[i]);
        return order;
    }

    public int size() {
        return users.length;
    }

    public long user(int i) {
        return users[i];
    }

    public long item(int i) {
        return items[i];
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    /** Fraction watched, or {@code NaN} when the source did not say. */
    public float watchRatio(int i) {
        return watchRatios[i];
    }
}
