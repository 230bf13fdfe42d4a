/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

/**
 * Settings of the synthetic watch-log generator.
 *
 * @param users number of users
 * @param items number of catalog items
 * @param events number of watch events to generate
 * @param genres number of latent item clusters (genres)
 * @param seed random seed; the same settings and seed give byte-identical datasets
 * @param popularityExponent Zipf exponent of item popularity (about 1 for video catalogs)
 * @param newItemShare share of items released during the logged period rather than before it
 * @param startEpochSeconds first second of the logged period
 * @param days length of the logged period
 */
public record SyntheticConfig(
        int users,
        int items,
        int events,
        int genres,
        long seed,
        double popularityExponent,
        double newItemShare,
        long startEpochSeconds,
        int days) {

    /** 2025-01-01T00:00:00Z. */
    public static final long DEFAULT_START = 1_735_689_600L;

    public SyntheticConfig {
        require(users > 0, "users must be positive");
        require(items > 0, "items must be positive");
        require(events >= users, "events must be at least one per user");
        require(genres > 0 && genres <= items, "genres must be between 1 and the number of items");
        require(popularityExponent >= 0, "popularityExponent must not be negative");
        require(newItemShare >= 0 && newItemShare < 1, "newItemShare must be in [0, 1)");
        require(days > 0, "days must be positive");
    }

    /** A named size: tiny (tests), small, medium (100k items × 2M events), large (1M items × 10M events). */
    public static SyntheticConfig preset(String size, long seed) {
        return switch (size) {
            case "tiny" -> new SyntheticConfig(300, 500, 20_000, 8, seed, 1.0, 0.1, DEFAULT_START, 60);
            case "small" -> new SyntheticConfig(5_000, 10_000, 300_000, 16, seed, 1.0, 0.1, DEFAULT_START, 120);
            case "medium" -> new SyntheticConfig(100_000, 100_000, 2_000_000, 32, seed, 1.0, 0.1, DEFAULT_START, 180);
            case "large" -> new SyntheticConfig(500_000, 1_000_000, 10_000_000, 64, seed, 1.0, 0.1, DEFAULT_START, 365);
            default ->
                throw new IllegalArgumentException("unknown size '" + size + "'; choose tiny, small, medium or large");
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
