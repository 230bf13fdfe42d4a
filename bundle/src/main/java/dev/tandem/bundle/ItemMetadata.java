/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

/**
 * What re-ranking knows of each item, aligned with the rows of {@link ItemEmbeddings}.
 *
 * @param popularity share of training interactions (0..1) per row
 * @param releaseEpochSeconds release time per row, unix seconds
 */
public record ItemMetadata(float[] popularity, long[] releaseEpochSeconds) {

    public ItemMetadata {
        if (popularity.length != releaseEpochSeconds.length) {
            throw new IllegalArgumentException("popularity and release times must have one entry per item");
        }
    }

    public int count() {
        return popularity.length;
    }
}
