/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.recommend;

/**
 * How candidates from the index are re-ranked: {@code score = ann + popularityWeight × popularity +
 * freshnessWeight × freshness}, where popularity and freshness are in [0, 1] (see
 * {@link dev.tandem.serving.pair.ItemCatalog}) and the weights are in the units of the model's score. With both
 * weights 0 (the default) re-ranking is off and the index's top-k is the answer.
 *
 * @param popularityWeight weight of the item's popularity percentile
 * @param freshnessWeight weight of the item's freshness
 * @param freshnessHalfLifeDays age at which freshness is one half
 * @param candidates how many candidates the index returns for re-ranking (K'); at least k is always asked
 */
public record RerankPolicy(
        double popularityWeight, double freshnessWeight, double freshnessHalfLifeDays, int candidates) {

    public RerankPolicy {
        if (!Double.isFinite(popularityWeight) || !Double.isFinite(freshnessWeight)) {
            throw new IllegalArgumentException("re-ranking weights must be finite numbers");
        }
        if (!(freshnessHalfLifeDays > 0)) {
            throw new IllegalArgumentException("freshness half-life must be positive: " + freshnessHalfLifeDays);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("re-ranking candidates must be at least 1: " + candidates);
        }
    }

    public static RerankPolicy off() {
        return new RerankPolicy(0, 0, 30, 100);
    }

    public boolean enabled() {
        return popularityWeight != 0 || freshnessWeight != 0;
    }
}
