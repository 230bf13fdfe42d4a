/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import dev.tandem.bundle.HnswParams;
import dev.tandem.bundle.IndexLayout;
import dev.tandem.bundle.IndexManifest;
import dev.tandem.bundle.IndexWriter;
import dev.tandem.bundle.MipsStrategy;
import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.index.ProbeRecall;
import dev.tandem.serving.pair.PairLoadException;
import dev.tandem.serving.pair.PairSource;
import dev.tandem.serving.pair.ResolvedPair;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code build-index}: builds the HNSW graph of a bundle's item vectors, measures its recall@10 against exact
 * search on user vectors from the bundle's own tower, and writes the graph with a manifest naming the bundle's
 * version and embedding checksums. RecIndex Jobs run this.
 */
@Command(
        name = "build-index",
        mixinStandardHelpOptions = true,
        description = "Build the HNSW index of a bundle and write it with its manifest.")
final class BuildIndexCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int INVALID_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--bundle",
            required = true,
            description = "Bundle directory, models:/<name>/<version>, models:/<name>@<alias> or artifact URI")
    String bundle;

    @Option(names = "--out", required = true, description = "Index directory to write (must be empty or absent)")
    Path out;

    @Option(names = "--mlflow", description = "MLflow tracking URI, for models:/ and artifact URIs")
    URI mlflow;

    @Option(names = "--cache-dir", description = "Where remote bundles are downloaded")
    Path cacheDir = Path.of(System.getProperty("java.io.tmpdir"), "tandem-serving");

    @Option(names = "--max-degree", description = "Neighbours per node (M). Default: ${DEFAULT-VALUE}")
    int maxDegree = 32;

    @Option(names = "--beam-width", description = "Build beam width (efConstruction). Default: ${DEFAULT-VALUE}")
    int beamWidth = 200;

    @Option(names = "--overquery", description = "Search candidates per result. Default: ${DEFAULT-VALUE}")
    int overquery = 10;

    @Option(
            names = "--mips",
            converter = MipsStrategyConverter.class,
            description = "How search ranks by inner product: mobius (default) or extra-dimension")
    MipsStrategy mips = MipsStrategy.MOBIUS;

    @Option(names = "--threads", description = "Build threads. Default: the available processors")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--probe-queries", description = "User vectors the recall probe uses. Default: ${DEFAULT-VALUE}")
    int probeQueries = 1000;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        HnswParams params;
        try {
            params = new HnswParams(maxDegree, beamWidth, overquery, 1.2f, 1.2f);
        } catch (IllegalArgumentException e) {
            stderr.println("build-index: " + e.getMessage());
            return INVALID_INPUT;
        }
        if (Files.isDirectory(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    stderr.println("build-index: " + out + " is not empty; an index is never written over another");
                    return INVALID_INPUT;
                }
            }
        }
        ResolvedPair resolved;
        try {
            resolved = BundleResolver.resolve(new PairSource(bundle, Optional.empty()), mlflow, cacheDir);
        } catch (PairLoadException | IllegalArgumentException e) {
            stderr.println("build-index: " + e.getMessage());
            return INVALID_INPUT;
        }
        VerifiedBundle verified = resolved.bundle();
        stdout.printf(
                "building the index of %s version %d: %d items of dim %d, %s, M=%d beam=%d on %d threads%n",
                verified.manifest().modelName(),
                resolved.version(),
                verified.embeddings().count(),
                verified.embeddings().dim(),
                mips,
                maxDegree,
                beamWidth,
                threads);
        stdout.flush();
        ForkJoinPool pool = new ForkJoinPool(threads);
        long start = System.nanoTime();
        try (ItemGraph graph = ItemGraph.build(verified.embeddings(), mips, params, pool)) {
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            stdout.printf("graph built in %.1f s%n", buildSeconds);
            stdout.flush();
            int probes = Math.max(1, probeQueries);
            float[] queries = ProbeRecall.userVectors(verified, probes);
            double recall = ProbeRecall.measure(graph, queries, probes, 10);
            stdout.printf("recall@10 on %d probe user vectors: %.4f%n", probes, recall);
            Files.createDirectories(out);
            graph.write(out.resolve(IndexLayout.GRAPH));
            IndexManifest manifest = IndexWriter.seal(
                    out,
                    IndexManifest.forBundle(
                            verified.manifest(), mips, graph.maxItemNorm(), params, buildSeconds, probes, recall));
            stdout.printf(
                    "wrote %s (%d bytes) and %s%n",
                    out.resolve(IndexLayout.GRAPH),
                    manifest.files().get(IndexLayout.GRAPH).sizeBytes(),
                    IndexLayout.MANIFEST);
            return OK;
        } finally {
            pool.shutdown();
        }
    }
}
