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
 * What an index directory holds and what it was built from. Serving refuses an index whose model version or
 * embedding checksums differ from the bundle it is paired with.
 *
 * @param formatVersion {@link IndexLayout#FORMAT_VERSION}
 * @param modelName registered model name of the bundle it was built from
 * @param modelVersion that bundle's model version
 * @param itemIdsSha256 sha256 of the bundle's item ids file
 * @param itemVectorsSha256 sha256 of the bundle's item vectors file
 * @param itemCount items in the graph
 * @param embeddingDim the model's vector dimension (the graph's is one more under {@link MipsStrategy#EXTRA_DIMENSION})
 * @param similarity the bundle's similarity
 * @param reduction how graph search ranks by the bundle's inner product
 * @param maxItemNorm the largest item norm; {@link MipsStrategy#EXTRA_DIMENSION} needs it to map graph scores back
 * @param params how the graph was built and is searched by default
 * @param buildSeconds wall time of the graph build
 * @param probeQueries queries in the recall probe run after the build
 * @param probeRecallAt10 recall@10 of the graph search against exact search on those queries
 * @param createdAt when the index was written
 * @param files size and sha256 of every file in the directory except this manifest
 */
public record IndexManifest(
        int formatVersion,
        String modelName,
        String modelVersion,
        String itemIdsSha256,
        String itemVectorsSha256,
        int itemCount,
        int embeddingDim,
        Similarity similarity,
        MipsStrategy reduction,
        double maxItemNorm,
        HnswParams params,
        double buildSeconds,
        int probeQueries,
        double probeRecallAt10,
        Instant createdAt,
        SortedMap<String, FileDigest> files) {

    public IndexManifest {
        files = Collections.unmodifiableSortedMap(files == null ? new TreeMap<>() : new TreeMap<>(files));
    }

    /** A draft for the index of this bundle; {@link IndexWriter} fills in the files. */
    public static IndexManifest forBundle(
            BundleManifest bundle,
            MipsStrategy reduction,
            double maxItemNorm,
            HnswParams params,
            double buildSeconds,
            int probeQueries,
            double probeRecallAt10) {
        return new IndexManifest(
                IndexLayout.FORMAT_VERSION,
                bundle.modelName(),
                bundle.modelVersion(),
                bundle.files().get(BundleLayout.ITEM_IDS).sha256(),
                bundle.files().get(BundleLayout.ITEM_VECTORS).sha256(),
                bundle.itemCount(),
                bundle.embeddingDim(),
                bundle.similarity(),
                reduction,
                maxItemNorm,
                params,
                buildSeconds,
                probeQueries,
                probeRecallAt10,
                Instant.now(),
                new TreeMap<>());
    }

    IndexManifest withFiles(Map<String, FileDigest> digests) {
        return new IndexManifest(
                formatVersion,
                modelName,
                modelVersion,
                itemIdsSha256,
                itemVectorsSha256,
                itemCount,
                embeddingDim,
                similarity,
                reduction,
                maxItemNorm,
                params,
                buildSeconds,
                probeQueries,
                probeRecallAt10,
                createdAt,
                new TreeMap<>(digests));
    }
}
