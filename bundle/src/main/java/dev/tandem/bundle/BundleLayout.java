/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

/**
 * Where each part of a bundle lives, relative to the bundle directory (the MLflow model version's
 * artifact root). Raw arrays are little-endian so they can be memory-mapped and read by numpy with
 * {@code np.fromfile(path, dtype="<i8")} / {@code "<f4"}.
 */
public final class BundleLayout {

    /** The manifest: what the bundle is and the sha256 of every other file. */
    public static final String MANIFEST = "manifest.json";

    /** The user tower as a TensorFlow SavedModel directory. */
    public static final String SAVED_MODEL_DIR = "model";

    /** The SavedModel's graph; its presence is required, the variables files are listed like any file. */
    public static final String SAVED_MODEL_PB = SAVED_MODEL_DIR + "/saved_model.pb";

    /** Item ids, int64 little-endian, one per row of the vector matrix. */
    public static final String ITEM_IDS = "embeddings/item_ids.i64";

    /** Item vectors (the softmax weights), float32 little-endian, row-major {@code [itemCount, dim]}. */
    public static final String ITEM_VECTORS = "embeddings/item_vectors.f32";

    /** Per-item metadata for re-ranking, tab-separated with a header, in the order of the ids. */
    public static final String ITEM_METADATA = "embeddings/item_metadata.tsv";

    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private BundleLayout() {}
}
