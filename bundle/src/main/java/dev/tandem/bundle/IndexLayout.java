/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

/**
 * Where things are in an index directory: the HNSW graph built from one bundle's item vectors, and the
 * manifest that ties it to that bundle.
 */
public final class IndexLayout {

    /** What the index is, what it was built from, and the sha256 of the graph file. */
    public static final String MANIFEST = "index-manifest.json";

    /** jvector's on-disk graph with its (possibly transformed) vectors inline; memory-mapped when served. */
    public static final String GRAPH = "graph.jvector";

    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private IndexLayout() {}
}
