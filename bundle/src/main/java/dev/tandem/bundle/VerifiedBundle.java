/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import java.nio.file.Path;

/**
 * A bundle whose every checksum, count and vector has been checked; only {@link BundleReader} makes one.
 *
 * @param directory the bundle directory
 * @param manifest its manifest
 * @param embeddings item ids and vectors
 * @param metadata per-item re-ranking data
 */
public record VerifiedBundle(
        Path directory, BundleManifest manifest, ItemEmbeddings embeddings, ItemMetadata metadata) {

    /** The SavedModel directory of the user tower. */
    public Path savedModelDir() {
        return directory.resolve(BundleLayout.SAVED_MODEL_DIR);
    }
}
