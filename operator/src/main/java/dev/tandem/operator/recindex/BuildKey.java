/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import dev.tandem.api.crd.v1alpha1.recindex.HnswSpec;
import dev.tandem.api.crd.v1alpha1.recindex.IndexStorage;
import dev.tandem.api.naming.RecIndexNames;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of one index build: the first 16 hex digits of a sha256 over everything that decides the index's
 * content and where it is kept — the registered model, its resolved version, the bundle's item-vector checksum (when
 * the RecModel reports one), the HNSW parameters and the storage. A different key is a different index in a different
 * location; the same inputs always give the same key, so a restarted operator finds the Job it made.
 *
 * <p>What only affects how the build runs (threads, resources, placement, deadline, probe size) is left out: changing
 * it does not rebuild a built index.
 */
public final class BuildKey {

    /** Digits of the key. */
    public static final int LENGTH = 16;

    // Bump when the meaning of an input changes, so that old keys are not mistaken for new ones.
    private static final String SCHEME = "tandem.dev/recindex-build-key/v1";

    private BuildKey() {}

    /**
     * @param embeddingsSha256 sha256 of the bundle's item vectors from the RecModel's status, or null when it has none
     */
    public static String of(
            String modelName, String modelVersion, String embeddingsSha256, HnswSpec hnsw, IndexStorage storage) {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(modelVersion, "modelVersion");
        String canonical = String.join(
                "\n",
                SCHEME,
                "model=" + modelName,
                "version=" + modelVersion,
                "embeddings=" + Objects.requireNonNullElse(embeddingsSha256, ""),
                "maxDegree=" + hnsw.getMaxDegree(),
                "beamWidth=" + hnsw.getBeamWidth(),
                "overquery=" + hnsw.getOverquery(),
                "mips=" + hnsw.getMips().cliValue(),
                "storage=" + storage.getType().name(),
                "claim=" + Objects.requireNonNullElse(storage.getClaimName(), ""));
        return HexFormat.of().formatHex(RecIndexNames.sha256(canonical)).substring(0, LENGTH);
    }
}
