/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How an index makes graph search rank items by the model's inner product. Both return exact inner products
 * as scores; they differ in the graph the search walks, and so in recall at a given speed (the ANN benchmark
 * prints both side by side).
 */
public enum MipsStrategy {
    /**
     * The graph is built by Euclidean distance over the items' Möbius transform {@code x / |x|²} and searched by
     * inner product over the items themselves (Zhou et al., "Möbius Transformation for Fast Inner Product Search
     * on Graph", NeurIPS 2019): the transform turns the inner-product Delaunay graph into a Euclidean one, which
     * HNSW approximates well, and no query is transformed. On clustered embeddings whose norms spread it keeps
     * recall where the extra-dimension reduction loses it.
     */
    MOBIUS("mobius"),
    /**
     * The reduction of maximum inner product to nearest neighbour (Bachrach et al., 2014): items {@code x}
     * become {@code [x/M, sqrt(1 − |x|²/M²)]} with {@code M} the largest item norm, queries {@code [q/|q|, 0]}.
     */
    EXTRA_DIMENSION("extra-dimension");

    private final String json;

    MipsStrategy(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    /** The strategy a manifest or command line names; the error lists the names that exist. */
    @JsonCreator
    public static MipsStrategy named(String name) {
        for (MipsStrategy strategy : values()) {
            if (strategy.json.equals(name)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown MIPS strategy '" + name + "'; known: "
                + Arrays.stream(values()).map(MipsStrategy::json).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return json;
    }
}
