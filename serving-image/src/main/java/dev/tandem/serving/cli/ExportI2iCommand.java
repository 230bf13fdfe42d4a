/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import dev.tandem.bundle.HnswParams;
import dev.tandem.bundle.MipsStrategy;
import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.serving.i2i.ExportProgress;
import dev.tandem.serving.i2i.ExportResult;
import dev.tandem.serving.i2i.I2iExporter;
import dev.tandem.serving.i2i.I2iKeys;
import dev.tandem.serving.i2i.PointerMovedException;
import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.pair.PairLoadException;
import dev.tandem.serving.pair.ResolvedPair;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code export-i2i}: the top-k neighbours of every item of a version into Redis, then one atomic switch of
 * the model's pointer to that version (see {@link I2iKeys} for the layout and {@link I2iExporter} for what
 * happens when an export fails half-way). RecModel's i2i export Jobs run this.
 */
@Command(
        name = "export-i2i",
        mixinStandardHelpOptions = true,
        description = "Write every item's top-k similar items of a version into Redis and switch to it atomically.")
final class ExportI2iCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int REDIS_FAILED = 1;
    static final int INVALID_INPUT = 2;

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOptions source;

    @Option(
            names = "--index",
            description = "Prebuilt index of the same version (directory or artifact URI); without it the graph"
                    + " is built here")
    String index;

    @Option(names = "--redis", required = true, description = "redis://[user:password@]host[:port][/db] or rediss://")
    String redis;

    @Option(names = "--top-k", description = "Neighbours per item, 1..1000. Default: ${DEFAULT-VALUE}")
    int topK = 20;

    @Option(names = "--prefix", description = "Key prefix. Default: ${DEFAULT-VALUE}")
    String prefix = "tandem";

    @Option(
            names = "--old-version-ttl",
            converter = DurationConverter.class,
            description = "How long the previous version stays readable after the switch. Default: 24h")
    Duration oldVersionTtl = Duration.ofHours(24);

    @Option(
            names = "--staging-ttl",
            converter = DurationConverter.class,
            description = "TTL of a version being written, renewed by every batch; what a failed export leaves"
                    + " behind expires after it. Default: 1h")
    Duration stagingTtl = Duration.ofHours(1);

    @Option(names = "--batch-size", description = "Items per Redis round-trip. Default: ${DEFAULT-VALUE}")
    int batchSize = 1000;

    @Option(names = "--threads", description = "Search (and graph build) threads. Default: the available processors")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--mips",
            converter = MipsStrategyConverter.class,
            description = "Graph space when no --index is given: mobius (default) or extra-dimension")
    MipsStrategy mips = MipsStrategy.MOBIUS;

    private final ExportProgress afterBatch;

    ExportI2iCommand() {
        this(ExportProgress.none());
    }

    /** @param afterBatch told after each batch, after the progress line (tests interrupt exports with it) */
    ExportI2iCommand(ExportProgress afterBatch) {
        this.afterBatch = afterBatch;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        I2iExporter.Settings settings;
        URI redisUri;
        try {
            settings = new I2iExporter.Settings(
                    topK, batchSize, threads, stagingTtl.toSeconds(), oldVersionTtl.toSeconds());
            redisUri = redisUri(redis);
            if (prefix.isBlank()) {
                throw new IllegalArgumentException("--prefix must not be empty");
            }
        } catch (IllegalArgumentException e) {
            stderr.println("export-i2i: " + e.getMessage());
            return INVALID_INPUT;
        }
        ResolvedPair resolved;
        try {
            resolved = source.resolve(Optional.ofNullable(index));
        } catch (PairLoadException | IllegalArgumentException e) {
            stderr.println("export-i2i: " + e.getMessage());
            return INVALID_INPUT;
        }
        VerifiedBundle verified = resolved.bundle();
        String model = verified.manifest().modelName();
        I2iKeys keys = new I2iKeys(prefix, model);
        try (Jedis jedis = new Jedis(redisUri, clientConfig(model))) {
            // Fail on an unreachable Redis before spending minutes on a graph.
            jedis.ping();
            stdout.printf(
                    "exporting the top %d similar items of %d items of %s version %d to %s:%d under %s%n",
                    topK,
                    verified.embeddings().count(),
                    model,
                    resolved.version(),
                    redisUri.getHost(),
                    redisUri.getPort(),
                    keys.version(resolved.version()));
            stdout.flush();
            I2iExporter exporter = new I2iExporter(jedis, keys, settings);
            if (exporter.isCurrent(resolved.version(), verified.embeddings().count())) {
                // Skips the graph: a Job retried after its export succeeded costs seconds, not minutes.
                report(
                        stdout,
                        keys,
                        new ExportResult(
                                resolved.version(),
                                verified.embeddings().count(),
                                0,
                                Optional.of(Long.toString(resolved.version())),
                                true,
                                0));
                return OK;
            }
            ExportResult result;
            try (ItemGraph graph = graph(resolved, stdout)) {
                result = exporter.export(
                        graph,
                        verified.embeddings(),
                        resolved.version(),
                        progressPrinter(stdout).andThen(afterBatch));
            }
            report(stdout, keys, result);
            return OK;
        } catch (JedisException | PointerMovedException e) {
            stderr.println("export-i2i: Redis failed: " + e.getMessage() + "; " + keys.pointer()
                    + " and the version it names are unchanged");
            return REDIS_FAILED;
        }
    }

    private ItemGraph graph(ResolvedPair resolved, PrintWriter stdout) throws IOException {
        if (resolved.index().isPresent()) {
            return ItemGraph.load(
                    resolved.bundle().embeddings(), resolved.index().get());
        }
        long start = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            ItemGraph graph = ItemGraph.build(resolved.bundle().embeddings(), mips, HnswParams.defaults(), pool);
            stdout.printf("no --index: graph built in %.1f s%n", (System.nanoTime() - start) / 1e9);
            stdout.flush();
            return graph;
        } finally {
            pool.shutdown();
        }
    }

    private static ExportProgress progressPrinter(PrintWriter stdout) {
        long start = System.nanoTime();
        long[] lastPrint = {start};
        return (written, total) -> {
            long now = System.nanoTime();
            if (written < total && now - lastPrint[0] < PROGRESS_EVERY.toNanos()) {
                return;
            }
            lastPrint[0] = now;
            double seconds = Math.max(1e-9, (now - start) / 1e9);
            stdout.printf(
                    "%d/%d items (%.0f%%), %.0f items/s%n", written, total, 100.0 * written / total, written / seconds);
            stdout.flush();
        };
    }

    private void report(PrintWriter stdout, I2iKeys keys, ExportResult result) {
        if (result.alreadyCurrent()) {
            stdout.printf(
                    "%s already names version %d with all %d items; nothing written%n",
                    keys.pointer(), result.version(), result.items());
            return;
        }
        stdout.printf(
                "exported %d items, %d neighbours in %.1f s (%.0f items/s); %s: %s -> %d%s%n",
                result.items(),
                result.neighbours(),
                result.seconds(),
                result.itemsPerSecond(),
                keys.pointer(),
                result.previous().orElse("(none)"),
                result.version(),
                result.previous()
                        .filter(p -> !p.equals(Long.toString(result.version())))
                        .map(p -> "; version " + p + " expires in " + oldVersionTtl.toSeconds() + " s")
                        .orElse(""));
    }

    private static URI redisUri(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--redis '" + text + "' is not a URI: " + e.getMessage());
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "--redis '" + text + "' is not a Redis URI; write redis://host:port or rediss://host:port");
        }
        if (uri.getPort() != -1) {
            return uri;
        }
        try {
            return new URI(
                    uri.getScheme(), uri.getUserInfo(), uri.getHost(), 6379, uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--redis '" + text + "': " + e.getMessage());
        }
    }

    // The name shows in CLIENT LIST, so operators see which export holds a connection.
    private static DefaultJedisClientConfig clientConfig(String model) {
        return DefaultJedisClientConfig.builder()
                // The replies this command reads are the same in RESP2 and RESP3; saying so skips negotiation.
                .protocol(RedisProtocol.RESP2)
                .clientName("tandem-export-i2i:" + model.replaceAll("[^A-Za-z0-9._:-]", "_"))
                .connectionTimeoutMillis(5_000)
                // Generous: one batch is a single large command, and a busy server may take a while.
                .socketTimeoutMillis(30_000)
                .build();
    }
}
