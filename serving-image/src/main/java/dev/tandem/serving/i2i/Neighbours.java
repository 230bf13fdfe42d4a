/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.i2i;

import java.util.Arrays;

/**
 * One item's neighbours, best first, and the value they are stored as: comma-separated {@code itemId:score}
 * pairs, the score the model's inner product rounded to four decimals ({@code 17:0.8123,4:-0.0311}); an
 * item without neighbours is the empty string. The order is the ranking; the rounded scores are for
 * display and blending, not for re-sorting.
 *
 * @param ids neighbour item ids, best first
 * @param scores their inner products with the item, same order
 */
public record Neighbours(long[] ids, float[] scores) {

    private static final int DECIMALS = 4;
    private static final long SCALE = 10_000;

    public Neighbours {
        if (ids.length != scores.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + scores.length + " scores");
        }
    }

    public int size() {
        return ids.length;
    }

    /** The stored form. */
    public String encode() {
        StringBuilder out = new StringBuilder(ids.length * 16);
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(ids[i]).append(':');
            appendScore(out, scores[i]);
        }
        return out.toString();
    }

    /** Reads the stored form back (what a reader of the hash does). */
    public static Neighbours parse(String value) {
        if (value.isEmpty()) {
            return new Neighbours(new long[0], new float[0]);
        }
        String[] pairs = value.split(",");
        long[] ids = new long[pairs.length];
        float[] scores = new float[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            int colon = pairs[i].indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("'" + pairs[i] + "' is not itemId:score");
            }
            ids[i] = Long.parseLong(pairs[i], 0, colon, 10);
            scores[i] = Float.parseFloat(pairs[i].substring(colon + 1));
        }
        return new Neighbours(ids, scores);
    }

    // Fixed-point by hand: String.format would cost more than the graph search for a million items × top-20.
    static void appendScore(StringBuilder out, float score) {
        if (!Float.isFinite(score)) {
            throw new IllegalArgumentException("score is not finite: " + score);
        }
        long scaled = Math.round((double) score * SCALE);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / SCALE).append('.');
        String fraction = Long.toString(scaled % SCALE);
        out.repeat('0', DECIMALS - fraction.length()).append(fraction);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Neighbours n && Arrays.equals(ids, n.ids) && Arrays.equals(scores, n.scores);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return encode();
    }
}
