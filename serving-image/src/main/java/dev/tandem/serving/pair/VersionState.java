/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

/**
 * Where a version is in its life, with TF Serving's names (what {@code GET /v1/models/{name}} and
 * {@code GetModelStatus} report). A version whose load failed is {@link #END} with an error status.
 */
public enum VersionState {
    /** Known, not yet loading. */
    START,
    /** Downloading, verifying, loading the tower, building or mapping the index, warming up. */
    LOADING,
    /** Answering requests. */
    AVAILABLE,
    /** Replaced; answering the requests it already has, then closing. */
    UNLOADING,
    /** Gone (or failed to load). */
    END
}
