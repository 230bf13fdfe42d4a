/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.bundle.BundleReader;
import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.serving.ServingTestModels;
import dev.tandem.serving.i2i.ExportProgress;
import dev.tandem.serving.i2i.I2iKeys;
import dev.tandem.serving.i2i.Neighbours;
import dev.tandem.serving.index.ProbeRecall;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformExtension;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.trainer.TrainedVersions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.params.ClientKillParams;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@code export-i2i} against the real Redis, on versions the trainer registered in the real MLflow: every
 * item's neighbours are its inner-product neighbours, the pointer switches only once a version is complete,
 * the superseded version expires, and a connection killed half-way leaves the current version as it was.
 */
@LocalPlatformTest
class ExportI2iCommandIT {

    private static final int TOP_K = 20;

    private static LocalPlatform platform;
    private static Path dir;
    private static TrainedVersions trained;
    private static final List<String> prefixes = new ArrayList<>();

    @BeforeAll
    static void train() throws Exception {
        platform = LocalPlatformExtension.platform();
        dir = Files.createTempDirectory("export-i2i-it");
        trained = ServingTestModels.train(platform.mlflowUrl(), dir, "export-i2i-it", 2);
    }

    @AfterAll
    static void removeKeys() {
        try (Jedis redis = redis()) {
            for (String prefix : prefixes) {
                keysMatching(redis, prefix + ":*").forEach(redis::del);
            }
        }
    }

    @Test
    void exportsEveryItemsNeighboursThenSwitchesToTheNextVersion() throws Exception {
        String prefix = newPrefix();
        I2iKeys keys = new I2iKeys(prefix, trained.name());
        ItemEmbeddings v1 = BundleReader.verify(trained.bundle(1)).embeddings();
        Run first = export(
                ExportProgress.none(),
                "--bundle",
                trained.uri(1),
                "--mlflow",
                platform.mlflowUrl().toString(),
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--prefix",
                prefix,
                "--top-k",
                Integer.toString(TOP_K),
                "--batch-size",
                "64");

        assertThat(first.exit()).as(first.stderr()).isZero();
        assertThat(first.stdout())
                .containsPattern("exported 400 items, 8000 neighbours in [0-9.]+ s \\([0-9]+ items/s\\)");
        System.out.println("export-i2i IT: " + first.stdout());
        try (Jedis redis = redis()) {
            assertThat(redis.get(keys.pointer())).isEqualTo("1");
            Map<String, String> stored = redis.hgetAll(keys.version(redis.get(keys.pointer())));
            assertThat(stored).hasSize(v1.count());
            assertThat(redis.ttl(keys.version(1))).isEqualTo(-1);
            assertNeighboursAreExact(v1, stored);
            assertThat(keysMatching(redis, keys.stagingPattern())).isEmpty();
        }

        // The current version again: nothing to do.
        Run again = export(
                ExportProgress.none(),
                "--bundle",
                trained.bundle(1).toString(),
                "--prefix",
                prefix,
                "--redis",
                platform.redisUrl().toString());
        assertThat(again.exit()).as(again.stderr()).isZero();
        assertThat(again.stdout()).contains("already names version 1 with all 400 items; nothing written");

        // Version 2 from its prebuilt index: the pointer moves, version 1 stays readable until it expires.
        Path index2 = dir.resolve("index-2");
        assertThat(ServingCli.commandLine()
                        .execute(
                                "build-index",
                                "--bundle",
                                trained.bundle(2).toString(),
                                "--probe-queries",
                                "20",
                                "--out",
                                index2.toString()))
                .isZero();
        Run second = export(
                ExportProgress.none(),
                "--bundle",
                trained.bundle(2).toString(),
                "--index",
                index2.toString(),
                "--prefix",
                prefix,
                "--old-version-ttl",
                "1h");
        assertThat(second.exit()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains(keys.pointer() + ": 1 -> 2; version 1 expires in 3600 s");
        try (Jedis redis = redis()) {
            assertThat(redis.get(keys.pointer())).isEqualTo("2");
            assertThat(redis.ttl(keys.version(2))).isEqualTo(-1);
            assertThat(redis.ttl(keys.version(1))).isBetween(3500L, 3600L);
            assertThat(redis.hlen(keys.version(1))).isEqualTo(v1.count());
            ItemEmbeddings v2 = BundleReader.verify(trained.bundle(2)).embeddings();
            assertNeighboursAreExact(v2, redis.hgetAll(keys.version(2)));
        }
    }

    @Test
    void aConnectionKilledHalfWayLeavesTheCurrentVersionIntactAndThePartialOneExpiring() throws Exception {
        String prefix = newPrefix();
        I2iKeys keys = new I2iKeys(prefix, trained.name());
        Run first = export(ExportProgress.none(), "--bundle", trained.bundle(1).toString(), "--prefix", prefix);
        assertThat(first.exit()).as(first.stderr()).isZero();
        Map<String, String> before;
        try (Jedis redis = redis()) {
            before = redis.hgetAll(keys.version(1));
        }

        // After two batches of 50, another connection kills the exporter's, as a failover or a proxy would.
        AtomicBoolean killed = new AtomicBoolean();
        Run broken = export(
                (written, total) -> {
                    if (written >= 100 && !killed.getAndSet(true)) {
                        killExporterConnections();
                    }
                },
                "--bundle",
                trained.bundle(2).toString(),
                "--prefix",
                prefix,
                "--batch-size",
                "50",
                "--staging-ttl",
                "10m");

        assertThat(killed).isTrue();
        assertThat(broken.exit()).as(broken.stdout()).isEqualTo(ExportI2iCommand.REDIS_FAILED);
        assertThat(broken.stderr())
                .contains("Redis failed")
                .contains(keys.pointer() + " and the version it names are unchanged");
        try (Jedis redis = redis()) {
            assertThat(redis.get(keys.pointer())).isEqualTo("1");
            assertThat(redis.hgetAll(keys.version(1))).isEqualTo(before);
            assertThat(redis.ttl(keys.version(1))).isEqualTo(-1);
            assertThat(redis.exists(keys.version(2))).isFalse();
            List<String> partial = keysMatching(redis, keys.stagingPattern());
            assertThat(partial).hasSize(1);
            assertThat(redis.hlen(partial.get(0))).isEqualTo(100);
            assertThat(redis.ttl(partial.get(0))).isBetween(1L, 600L);
        }

        // A retry completes version 2 beside the expiring leftover.
        Run retry = export(ExportProgress.none(), "--bundle", trained.bundle(2).toString(), "--prefix", prefix);
        assertThat(retry.exit()).as(retry.stderr()).isZero();
        try (Jedis redis = redis()) {
            assertThat(redis.get(keys.pointer())).isEqualTo("2");
            assertThat(redis.hlen(keys.version(2))).isEqualTo(400);
            assertThat(redis.ttl(keys.version(1))).isPositive();
        }
    }

    @Test
    void badInputExitsWithTwoAndAnUnreachableRedisWithOne() throws Exception {
        String bundle = trained.bundle(1).toString();
        String prefix = newPrefix();

        Run notRedis = export(ExportProgress.none(), "--bundle", bundle, "--prefix", prefix, "--redis", "http://x:1");
        assertThat(notRedis.exit()).isEqualTo(ExportI2iCommand.INVALID_INPUT);
        assertThat(notRedis.stderr()).contains("is not a Redis URI");

        for (String k : List.of("0", "1001")) {
            Run topK = export(ExportProgress.none(), "--bundle", bundle, "--prefix", prefix, "--top-k", k);
            assertThat(topK.exit()).isEqualTo(ExportI2iCommand.INVALID_INPUT);
            assertThat(topK.stderr()).contains("top-k must be between 1 and 1000, got " + k);
        }

        Run missing = export(
                ExportProgress.none(), "--bundle", dir.resolve("no-such-bundle").toString(), "--prefix", prefix);
        assertThat(missing.exit()).isEqualTo(ExportI2iCommand.INVALID_INPUT);
        assertThat(missing.stderr()).contains("no-such-bundle");

        // An index of version 2 never serves version 1's neighbours.
        Path index2 = dir.resolve("index-2-bad-input");
        assertThat(ServingCli.commandLine()
                        .execute(
                                "build-index",
                                "--bundle",
                                trained.bundle(2).toString(),
                                "--probe-queries",
                                "20",
                                "--out",
                                index2.toString()))
                .isZero();
        Run mismatched =
                export(ExportProgress.none(), "--bundle", bundle, "--index", index2.toString(), "--prefix", prefix);
        assertThat(mismatched.exit()).isEqualTo(ExportI2iCommand.INVALID_INPUT);
        assertThat(mismatched.stderr()).contains("version 2");

        Run unreachable =
                export(ExportProgress.none(), "--bundle", bundle, "--prefix", prefix, "--redis", "redis://127.0.0.1:1");
        assertThat(unreachable.exit()).isEqualTo(ExportI2iCommand.REDIS_FAILED);
        try (Jedis redis = redis()) {
            assertThat(keysMatching(redis, prefix + ":*")).isEmpty();
        }
    }

    /** At least most items' stored neighbours are their exact top-k by inner product, never themselves. */
    private static void assertNeighboursAreExact(ItemEmbeddings items, Map<String, String> stored) {
        Map<Long, Integer> rows = new HashMap<>();
        for (int row = 0; row < items.count(); row++) {
            rows.put(items.id(row), row);
        }
        int fullRecall = 0;
        long found = 0;
        for (int row = 0; row < items.count(); row++) {
            long id = items.id(row);
            Neighbours n = Neighbours.parse(stored.get(Long.toString(id)));
            assertThat(n.ids()).as("neighbours of %d", id).hasSize(TOP_K).doesNotContain(id);
            float[] query = items.vector(row);
            int self = row;
            long[] exact = Arrays.stream(ProbeRecall.exactTopK(items, query, TOP_K + 1))
                    .filter(r -> r != self)
                    .limit(TOP_K)
                    .mapToLong(items::id)
                    .toArray();
            long hits = Arrays.stream(n.ids())
                    .filter(nb -> Arrays.stream(exact).anyMatch(e -> e == nb))
                    .count();
            found += hits;
            fullRecall += hits == TOP_K ? 1 : 0;
            float best = items.dot(query, rows.get(n.ids()[0]));
            assertThat(n.scores()[0]).isCloseTo(best, within(1e-3f * Math.max(1f, Math.abs(best))));
        }
        assertThat((double) found / (items.count() * TOP_K)).isGreaterThan(0.95);
        assertThat((double) fullRecall / items.count()).isGreaterThan(0.8);
    }

    private record Run(int exit, String stdout, String stderr) {}

    private static Run export(ExportProgress afterBatch, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--redis")) {
            all.addAll(List.of("--redis", platform.redisUrl().toString()));
        }
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = new CommandLine(new ExportI2iCommand(afterBatch));
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, stdout.toString(), stderr.toString());
    }

    private static void killExporterConnections() {
        String name = "name=tandem-export-i2i:" + trained.name();
        try (Jedis redis = redis()) {
            for (String client : redis.clientList().split("\n")) {
                if (Arrays.asList(client.split(" ")).contains(name)) {
                    String id = client.substring("id=".length(), client.indexOf(' '));
                    redis.clientKill(ClientKillParams.clientKillParams().id(id));
                }
            }
        }
    }

    private static List<String> keysMatching(Jedis redis, String pattern) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    redis.scan(cursor, new ScanParams().match(pattern).count(1000));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    private static String newPrefix() {
        String prefix = "it-export-i2i-" + UUID.randomUUID().toString().substring(0, 8);
        prefixes.add(prefix);
        return prefix;
    }

    private static Jedis redis() {
        return new Jedis(
                platform.redisUrl(),
                DefaultJedisClientConfig.builder().protocol(RedisProtocol.RESP2).build());
    }
}
