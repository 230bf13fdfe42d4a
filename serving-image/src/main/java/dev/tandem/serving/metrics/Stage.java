/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.metrics;

/** The stages of a request whose latency is measured separately. */
public enum Stage {
    /** The user tower (TensorFlow), including the wait for its batch. */
    TOWER,
    /** The filtered graph search. */
    SEARCH,
    /** Blending popularity and freshness into the candidates' scores. */
    RERANK,
    /** The whole request as the API handled it. */
    TOTAL;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
