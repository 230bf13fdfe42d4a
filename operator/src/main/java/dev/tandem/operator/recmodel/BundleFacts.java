/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import dev.tandem.api.crd.v1alpha1.recmodel.SimilarityKind;
import dev.tandem.bundle.BundleManifest;
import dev.tandem.bundle.FileDigest;
import dev.tandem.bundle.Similarity;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a verified bundle's manifest vouches for, as status shows it.
 *
 * @param datasetVersion the dataset the model was trained on
 * @param similarity what the model was trained for
 * @param embeddingDim dimension of user and item vectors
 * @param itemCount number of items with a vector
 * @param checksums file → sha256, every file of the bundle but the manifest
 * @param offlineMetrics metrics the manifest carries (training time)
 */
record BundleFacts(
        String datasetVersion,
        SimilarityKind similarity,
        int embeddingDim,
        int itemCount,
        SortedMap<String, String> checksums,
        SortedMap<String, Double> offlineMetrics) {

    BundleFacts {
        checksums = new TreeMap<>(checksums);
        offlineMetrics = new TreeMap<>(offlineMetrics);
    }

    /** The facts of a manifest whose files were checked against it. */
    static BundleFacts of(BundleManifest manifest) {
        SortedMap<String, String> checksums = new TreeMap<>();
        for (Map.Entry<String, FileDigest> file : manifest.files().entrySet()) {
            checksums.put(file.getKey(), file.getValue().sha256());
        }
        return new BundleFacts(
                manifest.datasetVersion(),
                kind(manifest.similarity()),
                manifest.embeddingDim(),
                manifest.itemCount(),
                checksums,
                manifest.offlineMetrics());
    }

    /** The resource's spelling of a bundle's similarity. */
    static SimilarityKind kind(Similarity similarity) {
        return switch (similarity) {
            case DOT -> SimilarityKind.DOT;
            case COSINE -> SimilarityKind.COSINE;
        };
    }
}
