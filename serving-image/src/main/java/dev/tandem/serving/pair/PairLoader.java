/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

import dev.tandem.api.mlflow.ModelUri;
import dev.tandem.api.serving.ServingProperties;
import dev.tandem.bundle.BundleReader;
import dev.tandem.bundle.IndexReader;
import dev.tandem.bundle.InvalidBundleException;
import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.bundle.VerifiedIndex;
import dev.tandem.mlflow.MlflowApiException;
import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.mlflow.ModelRegistry;
import dev.tandem.mlflow.ModelVersion;
import dev.tandem.serving.index.GraphBuild;
import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.tower.TowerBatcher;
import dev.tandem.serving.tower.TowerSettings;
import dev.tandem.serving.tower.UserTower;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Loads pairs in two steps: {@link #resolve} fetches (from MLflow when remote) and verifies the bundle and its
 * index, which names the version; {@link #open} loads the tower, maps or builds the graph and warms the pair
 * up. A bundle that fails any check never gets to {@link #open}.
 */
public final class PairLoader {

    private static final Logger LOG = Logger.getLogger(PairLoader.class);

    /** The MLflow clients remote pairs are fetched with. */
    public record Mlflow(ModelRegistry registry, MlflowArtifactProxy artifacts) {}

    private final Optional<Mlflow> mlflow;
    private final Path cacheDir;
    private final GraphBuild graphBuild;
    private final TowerSettings tower;
    private final Warmup warmup;

    public PairLoader(
            Optional<Mlflow> mlflow, Path cacheDir, GraphBuild graphBuild, TowerSettings tower, Warmup warmup) {
        this.mlflow = mlflow;
        this.cacheDir = cacheDir;
        this.graphBuild = graphBuild;
        this.tower = tower;
        this.warmup = warmup;
    }

    /** Fetches and verifies the pair's files. */
    public ResolvedPair resolve(PairSource source) throws PairLoadException {
        try {
            Optional<String> pinnedVersion = Optional.empty();
            String bundleLocation = source.bundle();
            Optional<ModelUri> reference = source.registryReference();
            if (reference.isPresent()) {
                ModelVersion mv = registryVersion(reference.get());
                pinnedVersion = Optional.of(mv.version());
                bundleLocation = mv.source();
            }
            VerifiedBundle bundle = fetchVerified(bundleLocation, BundleReader::verify);
            long version = versionOf(bundle, source);
            if (pinnedVersion.isPresent()
                    && !pinnedVersion.get().equals(bundle.manifest().modelVersion())) {
                throw new PairLoadException(
                        "FAILED_PRECONDITION",
                        "MLflow's version " + pinnedVersion.get() + " holds a bundle that says it is version "
                                + bundle.manifest().modelVersion(),
                        null);
            }
            Optional<VerifiedIndex> index = Optional.empty();
            if (source.index().isPresent()) {
                index = Optional.of(
                        fetchVerified(source.index().get(), dir -> IndexReader.verify(dir, bundle.manifest())));
            }
            return new ResolvedPair(version, bundle, index);
        } catch (InvalidBundleException e) {
            throw new PairLoadException("FAILED_PRECONDITION", e.getMessage(), e);
        } catch (MlflowApiException e) {
            String code = "RESOURCE_DOES_NOT_EXIST".equals(e.errorCode()) || e.httpStatus() == 404
                    ? "NOT_FOUND"
                    : "UNAVAILABLE";
            throw new PairLoadException(code, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new PairLoadException("UNAVAILABLE", e.getMessage(), e);
        } catch (IOException e) {
            throw new PairLoadException("NOT_FOUND", e.getMessage(), e);
        }
    }

    /**
     * Loads the tower, maps or builds the graph, and warms the pair up.
     *
     * @param onClosed called once the pair has been retired and closed
     */
    public ServedPair open(ResolvedPair resolved, Runnable onClosed) throws PairLoadException {
        VerifiedBundle bundle = resolved.bundle();
        ItemGraph graph = null;
        UserTower userTower = null;
        try {
            long start = System.nanoTime();
            if (resolved.index().isPresent()) {
                graph = ItemGraph.load(bundle.embeddings(), resolved.index().get());
            } else {
                graph = graphBuild.of(bundle.embeddings());
            }
            long graphDone = System.nanoTime();
            userTower = UserTower.load(bundle, tower);
            ItemCatalog catalog = new ItemCatalog(bundle.embeddings(), bundle.metadata());
            ServedPair pair = new ServedPair(
                    resolved.version(),
                    bundle.manifest(),
                    catalog,
                    graph,
                    new TowerBatcher(userTower, tower.maxBatch()),
                    onClosed);
            LOG.infof(
                    "version %d: %d items, graph %s in %.1f s, tower loaded; warming up",
                    resolved.version(),
                    catalog.size(),
                    resolved.index().isPresent() ? "mapped" : "built",
                    (graphDone - start) / 1e9);
            try {
                warmup.run(pair);
            } catch (RuntimeException e) {
                pair.retire();
                throw new PairLoadException(
                        "INTERNAL", "warm-up of version " + resolved.version() + " failed: " + e.getMessage(), e);
            }
            pair.loaded(System.nanoTime() - start);
            return pair;
        } catch (IOException | RuntimeException e) {
            closeQuietly(graph);
            if (userTower != null) {
                userTower.close();
            }
            throw new PairLoadException(
                    "INTERNAL", "loading version " + resolved.version() + " failed: " + e.getMessage(), e);
        }
    }

    private ModelVersion registryVersion(ModelUri reference) throws PairLoadException {
        Mlflow client = mlflow.orElseThrow(() -> new PairLoadException(
                "FAILED_PRECONDITION",
                ModelUri.SCHEME + " URIs need the MLflow tracking URI (" + ServingProperties.PREFIX + "."
                        + ServingProperties.MLFLOW_TRACKING_URI + ")",
                null));
        return reference.version().isPresent()
                ? client.registry()
                        .version(reference.model(), reference.version().get())
                : client.registry().byAlias(reference.model(), reference.alias().orElseThrow());
    }

    private static long versionOf(VerifiedBundle bundle, PairSource source) throws PairLoadException {
        String version = bundle.manifest().modelVersion();
        try {
            long parsed = Long.parseLong(version == null ? "" : version);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException notNumeric) {
            // reported below
        }
        throw new PairLoadException(
                "FAILED_PRECONDITION",
                "bundle " + source.bundle() + " has no registered model version (manifest modelVersion: " + version
                        + "); serve bundles the trainer registered",
                null);
    }

    @FunctionalInterface
    private interface Verification<T> {
        T verify(Path directory) throws InvalidBundleException;
    }

    // A cached download that fails verification (a crash mid-way, a disk error) is fetched once more before
    // the pair is refused; a local directory is checked as it is.
    private <T> T fetchVerified(String location, Verification<T> verification)
            throws IOException, PairLoadException, InvalidBundleException {
        Path dir = fetch(location);
        try {
            return verification.verify(dir);
        } catch (InvalidBundleException e) {
            if (!PairSource.isRemote(location)) {
                throw e;
            }
            LOG.warnf("cached copy of %s failed verification (%s); fetching it again", location, e.getMessage());
            deleteTree(dir);
            return verification.verify(fetch(location));
        }
    }

    /** A local directory as it is; a remote one downloaded into the cache first (reused when complete). */
    private Path fetch(String location) throws IOException, PairLoadException {
        if (!PairSource.isRemote(location)) {
            Path local = Path.of(location);
            if (!Files.isDirectory(local)) {
                throw new IOException(location + " is not a directory");
            }
            return local;
        }
        Mlflow client = mlflow.orElseThrow(() -> new PairLoadException(
                "FAILED_PRECONDITION",
                location + " is in MLflow; set the MLflow tracking URI (tandem.mlflow.tracking-uri)",
                null));
        Path target = cacheDir.resolve(cacheKey(location));
        if (Files.isDirectory(target)) {
            // Verification after fetching decides whether a cached copy is intact.
            return target;
        }
        Files.createDirectories(cacheDir);
        Path partial = Files.createTempDirectory(cacheDir, ".download-");
        try {
            client.artifacts().downloadDirectory(location, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            deleteTree(partial);
        }
    }

    private static String cacheKey(String location) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void closeQuietly(ItemGraph graph) {
        if (graph != null) {
            try {
                graph.close();
            } catch (IOException e) {
                LOG.warn("closing a half-loaded graph failed", e);
            }
        }
    }
}
