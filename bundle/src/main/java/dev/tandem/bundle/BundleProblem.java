/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

/** Each way a bundle can be wrong. Serving and the operator report these, so each is distinct. */
public enum BundleProblem {
    /** There is no manifest.json. */
    MANIFEST_MISSING,
    /** manifest.json is not valid JSON or lacks a required field. */
    MANIFEST_INVALID,
    /** The manifest's format version is one this code does not read. */
    UNSUPPORTED_FORMAT,
    /** A file the manifest lists, or one every bundle needs, is absent. */
    MISSING_FILE,
    /** A file is present that the manifest does not list (and so no checksum vouches for). */
    UNLISTED_FILE,
    /** A file's size or sha256 differs from the manifest. */
    CHECKSUM_MISMATCH,
    /** The embedding files' sizes disagree with the manifest's dimension. */
    DIM_MISMATCH,
    /** The number of ids, vectors or metadata rows disagrees with the manifest's item count. */
    COUNT_MISMATCH,
    /** An item vector holds NaN or an infinity. */
    NON_FINITE_EMBEDDING,
    /** The same item id appears twice. */
    DUPLICATE_ITEM_ID,
    /** The metadata file is malformed or names items out of order. */
    METADATA_INVALID,
    /** An index was built from another model version or other embeddings than the bundle it is paired with. */
    INDEX_MISMATCH
}
