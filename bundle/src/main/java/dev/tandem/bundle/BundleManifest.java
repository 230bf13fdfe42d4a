/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a bundle is: one model version's user tower, item embeddings and metadata, with a sha256 for
 * every file. Stored as {@value BundleLayout#MANIFEST}.
 *
 * @param formatVersion bundle format version, {@value BundleLayout#FORMAT_VERSION}
 * @param modelName registered model name in MLflow
 * @param modelVersion registered model version; {@code null} until the version is registered
 * @param similarity how user and item vectors are scored
 * @param embeddingDim dimension of user and item vectors
 * @param itemCount number of items (rows of the vector matrix)
 * @param datasetVersion content-addressed version of the dataset the model was trained on
 * @param codeVersion version of the trainer that wrote the bundle
 * @param createdAt when the bundle was written
 * @param tower how to call the user tower
 * @param trainingParams the training parameters, as text
 * @param offlineMetrics offline metrics measured at training time (e.g. {@code recall@50})
 * @param files relative path → digest, for every file in the bundle but the manifest
 */
public record BundleManifest(
        int formatVersion,
        String modelName,
        String modelVersion,
        Similarity similarity,
        int embeddingDim,
        int itemCount,
        String datasetVersion,
        String codeVersion,
        Instant createdAt,
        TowerSignature tower,
        SortedMap<String, String> trainingParams,
        SortedMap<String, Double> offlineMetrics,
        SortedMap<String, FileDigest> files) {

    public BundleManifest {
        trainingParams = sortedCopy(trainingParams);
        offlineMetrics = sortedCopy(offlineMetrics);
        files = sortedCopy(files);
    }

    /** The same manifest naming the registered version (known only after registration). */
    public BundleManifest withModelVersion(String version) {
        return new BundleManifest(
                formatVersion,
                modelName,
                version,
                similarity,
                embeddingDim,
                itemCount,
                datasetVersion,
                codeVersion,
                createdAt,
                tower,
                trainingParams,
                offlineMetrics,
                files);
    }

    /** The same manifest with these offline metrics added (or replaced). */
    public BundleManifest withOfflineMetrics(Map<String, Double> metrics) {
        SortedMap<String, Double> merged = new TreeMap<>(offlineMetrics);
        merged.putAll(metrics);
        return new BundleManifest(
                formatVersion,
                modelName,
                modelVersion,
                similarity,
                embeddingDim,
                itemCount,
                datasetVersion,
                codeVersion,
                createdAt,
                tower,
                trainingParams,
                merged,
                files);
    }

    BundleManifest withFiles(SortedMap<String, FileDigest> digests) {
        return new BundleManifest(
                formatVersion,
                modelName,
                modelVersion,
                similarity,
                embeddingDim,
                itemCount,
                datasetVersion,
                codeVersion,
                createdAt,
                tower,
                trainingParams,
                offlineMetrics,
                digests);
    }

    private static <V> SortedMap<String, V> sortedCopy(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
    }
}
