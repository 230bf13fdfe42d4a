/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import dev.tandem.api.index.BuildIndexExit;
import dev.tandem.api.index.BuildIndexReason;
import dev.tandem.bundle.FileDigest;
import dev.tandem.bundle.HnswParams;
import dev.tandem.bundle.IndexLayout;
import dev.tandem.bundle.IndexManifest;
import dev.tandem.bundle.IndexWriter;
import dev.tandem.bundle.MipsStrategy;
import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.index.ProbeRecall;
import dev.tandem.serving.pair.PairLoadException;
import dev.tandem.serving.pair.ResolvedPair;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code build-index}: builds the HNSW graph of a bundle's item vectors, measures its recall@10 against exact
 * search on user vectors from the bundle's own tower, and writes the graph with a manifest naming the bundle's
 * version and embedding checksums; optionally uploads it to MLflow and describes the result (or the failure)
 * in one line of JSON. RecIndex Jobs run this.
 */
@Command(
        name = "build-index",
        mixinStandardHelpOptions = true,
        description = "Build the HNSW index of a bundle and write it with its manifest.")
final class BuildIndexCommand implements Callable<Integer> {

    static final int OK = BuildIndexExit.OK;
    static final int FAILED = BuildIndexExit.FAILED;
    static final int INVALID_INPUT = BuildIndexExit.INVALID_INPUT;

    static final String SUMMARY_OPTION = "--summary";

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOptions source;

    @Option(names = "--out", required = true, description = "Index directory to write (must be empty or absent)")
    Path out;

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

    @Option(
            names = "--upload",
            paramLabel = "<artifact-dir-uri>",
            description = "MLflow artifact directory (mlflow-artifacts:/...) to upload the written index to;"
                    + " needs --mlflow; refused if it already holds an index")
    String upload;

    @Option(
            names = SUMMARY_OPTION,
            paramLabel = "<file>",
            description = "Write one line of JSON describing the index, or the failure, to this file"
                    + " (for example /dev/termination-log)")
    Path summary;

    /** Why the build stops: the reason a summary reports, the exit status, and the message a user reads. */
    private static final class Stop extends Exception {

        private static final long serialVersionUID = 1L;

        private final BuildIndexReason reason;
        private final int exitCode;

        Stop(BuildIndexReason reason, int exitCode, String message) {
            super(message, null, false, false);
            this.reason = reason;
            this.exitCode = exitCode;
        }
    }

    @Override
    public Integer call() {
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            BuildIndexSummary result = build();
            return writeSummary(summary, result.toJson(), stderr) ? OK : FAILED;
        } catch (Stop e) {
            stderr.println("build-index: " + e.getMessage());
            writeSummary(summary, new BuildIndexFailure(e.getMessage(), e.reason).toJson(), stderr);
            return e.exitCode;
        } catch (RuntimeException | Error e) {
            e.printStackTrace(stderr);
            String what = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage() + " (" + e.getClass().getSimpleName() + ")";
            writeSummary(
                    summary,
                    new BuildIndexFailure("building the index failed: " + what, BuildIndexReason.BuildFailed).toJson(),
                    stderr);
            return FAILED;
        }
    }

    private BuildIndexSummary build() throws Stop {
        PrintWriter stdout = spec.commandLine().getOut();
        HnswParams params;
        try {
            params = new HnswParams(maxDegree, beamWidth, overquery, 1.2f, 1.2f);
        } catch (IllegalArgumentException e) {
            throw new Stop(BuildIndexReason.InvalidParameters, INVALID_INPUT, e.getMessage());
        }
        Optional<MlflowArtifactProxy> uploader = uploader();
        requireEmpty(out);
        ResolvedPair resolved = resolve();
        if (uploader.isPresent()) {
            requireNoIndexAt(uploader.get(), uploadDir());
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
            IndexManifest manifest;
            FileDigest manifestDigest;
            try {
                Files.createDirectories(out);
                graph.write(out.resolve(IndexLayout.GRAPH));
                manifest = IndexWriter.seal(
                        out,
                        IndexManifest.forBundle(
                                verified.manifest(), mips, graph.maxItemNorm(), params, buildSeconds, probes, recall));
                manifestDigest = FileDigest.of(out.resolve(IndexLayout.MANIFEST));
            } catch (IOException | UncheckedIOException e) {
                throw new Stop(
                        BuildIndexReason.WriteFailed,
                        FAILED,
                        "cannot write the index to " + out + ": " + e.getMessage());
            }
            long graphBytes = manifest.files().get(IndexLayout.GRAPH).sizeBytes();
            stdout.printf(
                    "wrote %s (%d bytes) and %s%n", out.resolve(IndexLayout.GRAPH), graphBytes, IndexLayout.MANIFEST);
            stdout.flush();
            if (uploader.isPresent()) {
                int files = uploadIndex(uploader.get(), uploadDir());
                stdout.printf("uploaded %d files to %s%n", files, uploadDir());
            }
            return new BuildIndexSummary(
                    manifest.modelName(),
                    manifest.modelVersion(),
                    manifest.itemCount(),
                    manifest.embeddingDim(),
                    manifest.reduction(),
                    params.maxDegree(),
                    params.beamWidth(),
                    params.overquery(),
                    Math.round(buildSeconds * 1000) / 1000.0,
                    probes,
                    recall,
                    graphBytes,
                    manifestDigest.sha256(),
                    manifest.itemIdsSha256(),
                    manifest.itemVectorsSha256(),
                    out.toAbsolutePath().toString(),
                    uploader.isPresent() ? uploadDir() : null);
        } catch (IOException e) {
            // Only closing the graph throws here; the index is written (and uploaded) by then.
            throw new UncheckedIOException("closing the graph failed", e);
        } finally {
            pool.shutdown();
        }
    }

    private Optional<MlflowArtifactProxy> uploader() throws Stop {
        if (upload == null) {
            return Optional.empty();
        }
        if (source.mlflow == null) {
            throw new Stop(
                    BuildIndexReason.InvalidParameters, INVALID_INPUT, "--upload needs --mlflow, the tracking URI");
        }
        MlflowArtifactProxy proxy = new MlflowArtifactProxy(source.mlflow, HttpClient.newHttpClient());
        try {
            proxy.proxyUrl(uploadDir());
        } catch (IllegalArgumentException e) {
            throw new Stop(
                    BuildIndexReason.InvalidParameters, INVALID_INPUT, "--upload " + upload + ": " + e.getMessage());
        }
        return Optional.of(proxy);
    }

    private String uploadDir() {
        return upload.replaceAll("/+$", "");
    }

    private static void requireEmpty(Path out) throws Stop {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent()) {
                throw new Stop(
                        BuildIndexReason.OutputNotEmpty,
                        INVALID_INPUT,
                        out + " is not empty; an index is never written over another");
            }
        } catch (IOException e) {
            throw new Stop(BuildIndexReason.WriteFailed, FAILED, "cannot read " + out + ": " + e.getMessage());
        }
    }

    private ResolvedPair resolve() throws Stop {
        try {
            return source.resolve(Optional.empty());
        } catch (PairLoadException e) {
            BuildIndexReason reason = switch (e.code()) {
                case "NOT_FOUND" -> BuildIndexReason.BundleNotFound;
                case "UNAVAILABLE" -> BuildIndexReason.MlflowUnavailable;
                default -> BuildIndexReason.InvalidBundle;
            };
            throw new Stop(reason, INVALID_INPUT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Stop(BuildIndexReason.InvalidParameters, INVALID_INPUT, e.getMessage());
        }
    }

    // The manifest is uploaded last, so a directory with a manifest holds a whole index: that one is never
    // written over, while the files of an upload that broke off half-way are.
    private static void requireNoIndexAt(MlflowArtifactProxy proxy, String dir) throws Stop {
        List<MlflowArtifactProxy.Entry> entries;
        try {
            entries = proxy.list(dir);
        } catch (RuntimeException e) {
            throw new Stop(BuildIndexReason.UploadFailed, FAILED, "cannot list " + dir + ": " + e.getMessage());
        }
        if (entries.stream().anyMatch(e -> !e.directory() && nameOf(e.path()).equals(IndexLayout.MANIFEST))) {
            throw new Stop(
                    BuildIndexReason.OutputNotEmpty,
                    INVALID_INPUT,
                    dir + " already holds an index; an index is never written over another");
        }
    }

    /** Uploads every file of the index, the manifest last, and checks that MLflow lists each at its size. */
    private int uploadIndex(MlflowArtifactProxy proxy, String dir) throws Stop {
        try {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(out)) {
                files = walk.filter(Files::isRegularFile)
                        .sorted(Comparator.comparing(
                                        (Path f) -> f.getFileName().toString().equals(IndexLayout.MANIFEST))
                                .thenComparing(Comparator.naturalOrder()))
                        .toList();
            }
            for (Path file : files) {
                proxy.upload(file, dir + "/" + relative(file));
            }
            Map<String, Long> listed = proxy.list(dir).stream()
                    .filter(e -> !e.directory())
                    .collect(Collectors.toMap(e -> nameOf(e.path()), MlflowArtifactProxy.Entry::sizeBytes));
            for (Path file : files) {
                if (file.getParent().equals(out)) {
                    long size = Files.size(file);
                    Long there = listed.get(file.getFileName().toString());
                    if (there == null || there != size) {
                        throw new Stop(
                                BuildIndexReason.UploadFailed,
                                FAILED,
                                "uploaded " + file.getFileName() + " (" + size + " bytes) but MLflow lists "
                                        + (there == null ? "no such file" : there + " bytes") + " under " + dir);
                    }
                }
            }
            return files.size();
        } catch (IOException | RuntimeException e) {
            throw new Stop(
                    BuildIndexReason.UploadFailed, FAILED, "cannot upload the index to " + dir + ": " + e.getMessage());
        }
    }

    private String relative(Path file) {
        List<String> parts = new ArrayList<>();
        out.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static String nameOf(String artifactPath) {
        return artifactPath.substring(artifactPath.lastIndexOf('/') + 1);
    }

    /** Writes the line to the summary file, if one was asked for; false (and why, on stderr) if it cannot. */
    private static boolean writeSummary(Path file, String line, PrintWriter stderr) {
        if (file == null) {
            return true;
        }
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            stderr.println("build-index: cannot write the summary to " + file + ": " + e);
            return false;
        }
    }

    /**
     * For options picocli refused before the command ran: writes the failure to the {@code --summary} file the
     * arguments name, if any, so that a Job with a bad option still says why.
     */
    static void reportParseFailure(ParameterException e, String[] args) {
        String file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(SUMMARY_OPTION) && i + 1 < args.length) {
                file = args[i + 1];
            } else if (args[i].startsWith(SUMMARY_OPTION + "=")) {
                file = args[i].substring(SUMMARY_OPTION.length() + 1);
            }
        }
        if (file == null || file.isEmpty()) {
            return;
        }
        PrintWriter stderr = e.getCommandLine().getErr();
        try {
            writeSummary(
                    Path.of(file),
                    new BuildIndexFailure(e.getMessage(), BuildIndexReason.InvalidParameters).toJson(),
                    stderr);
        } catch (InvalidPathException notAPath) {
            stderr.println("build-index: cannot write the summary to " + file + ": " + notAPath.getMessage());
        }
    }
}
