/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import dev.tandem.bundle.BundleReader;
import dev.tandem.bundle.InvalidBundleException;
import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.serving.index.ProbeRecall;
import io.github.jbellis.jvector.util.Bits;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads benchmark datasets, writing items, queries and exact ground truth under a cache directory the first time
 * (an exact scan of 1M items for a thousand queries takes minutes on two cores, and the hnswlib script needs
 * the vectors as files anyway).
 */
final class DatasetCache {

    static final int K = 10;

    private final Path root;
    private final int threads;
    private final PrintStream log;

    /**
     * @param root the cache directory, e.g. {@code ~/.cache/tandem/bench}
     * @param threads threads of the exact scan
     */
    DatasetCache(Path root, int threads, PrintStream log) {
        this.root = root;
        this.threads = threads;
        this.log = log;
    }

    /** The synthetic set with {@code queries} queries. */
    Dataset synthetic(ClusteredVectors spec, int queries) throws IOException {
        Path dir = root.resolve(spec.name() + "-q" + queries);
        if (!Files.exists(dir.resolve(Dataset.ITEMS))) {
            log.printf("generating %s%n", spec.name());
            VectorFile.writeFloats(dir.resolve(Dataset.ITEMS), spec.itemVectors(), spec.items(), spec.dim());
        }
        if (!Files.exists(dir.resolve(Dataset.QUERIES))) {
            VectorFile.writeFloats(dir.resolve(Dataset.QUERIES), spec.queryVectors(queries), queries, spec.dim());
        }
        return load("synthetic " + spec.items() / 1000 + "k×" + spec.dim(), dir);
    }

    /**
     * The item vectors of a trained model's bundle, queried by user vectors its tower computes from random
     * histories (the queries serving sees, as {@code build-index} probes them).
     */
    Dataset bundle(Path bundleDir, int queries) throws IOException, InvalidBundleException {
        VerifiedBundle bundle = BundleReader.verify(bundleDir);
        ItemEmbeddings items = bundle.embeddings();
        String model = bundle.manifest().modelName() + "-" + items.count();
        Path dir = root.resolve("bundle-" + model + "-q" + queries);
        if (!Files.exists(dir.resolve(Dataset.ITEMS))) {
            float[] vectors = new float[items.count() * items.dim()];
            for (int row = 0; row < items.count(); row++) {
                System.arraycopy(items.vector(row), 0, vectors, row * items.dim(), items.dim());
            }
            VectorFile.writeFloats(dir.resolve(Dataset.ITEMS), vectors, items.count(), items.dim());
        }
        if (!Files.exists(dir.resolve(Dataset.QUERIES))) {
            VectorFile.writeFloats(
                    dir.resolve(Dataset.QUERIES), ProbeRecall.userVectors(bundle, queries), queries, items.dim());
        }
        return load("model " + model, dir);
    }

    private Dataset load(String name, Path dir) throws IOException {
        VectorFile.Floats items = VectorFile.readFloats(dir.resolve(Dataset.ITEMS));
        VectorFile.Floats queries = VectorFile.readFloats(dir.resolve(Dataset.QUERIES));
        long[] ids = new long[items.rows()];
        for (int row = 0; row < ids.length; row++) {
            ids[row] = row;
        }
        ItemEmbeddings embeddings = new ItemEmbeddings(ids, items.values(), items.columns());
        Path truthFile = dir.resolve(Dataset.TRUTH);
        int[][] truth;
        if (Files.exists(truthFile)) {
            truth = VectorFile.readInts(truthFile);
        } else {
            log.printf(
                    "exact top-%d of %d queries over %d items (%d threads)%n", K, queries.rows(), ids.length, threads);
            long start = System.nanoTime();
            truth = ExactSearch.topK(embeddings, queries.values(), queries.rows(), K, Bits.ALL, threads);
            log.printf("ground truth in %.1f s%n", (System.nanoTime() - start) / 1e9);
            VectorFile.writeInts(truthFile, truth);
        }
        return new Dataset(name, embeddings, queries.values(), queries.rows(), truth, dir);
    }
}
