/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.i2i;

import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.serving.index.ItemGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * Writes the top-k neighbours of every item of one version into Redis and makes that version current.
 *
 * <p>Neighbours are searched on {@code threads} threads, batch by batch, at most two batches per thread
 * ahead of the writer (so memory stays bounded however many items there are). Each batch reaches Redis as
 * one {@code MULTI HSET … EXPIRE … EXEC} round-trip into a staging hash whose TTL ({@code stagingTtlSeconds})
 * every batch renews: an export killed half-way leaves the current version untouched and its partial hash
 * expiring. Once every item is written the {@link PointerSwitch} renames the staging hash into place,
 * persists it, switches the pointer and gives the previous version {@code previousTtlSeconds} to live.
 */
public final class I2iExporter {

    /** The largest top-k an export accepts, as for the serving routes. */
    public static final int MAX_TOP_K = 1000;

    /**
     * How an export runs.
     *
     * @param topK neighbours per item, 1..{@value #MAX_TOP_K}
     * @param batchSize items per Redis round-trip
     * @param threads search threads
     * @param stagingTtlSeconds TTL of the staging hash, renewed by each batch
     * @param previousTtlSeconds how long the previous version stays readable after the switch
     */
    public record Settings(int topK, int batchSize, int threads, long stagingTtlSeconds, long previousTtlSeconds) {

        public Settings {
            if (topK < 1 || topK > MAX_TOP_K) {
                throw new IllegalArgumentException("top-k must be between 1 and " + MAX_TOP_K + ", got " + topK);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            if (stagingTtlSeconds < 1 || previousTtlSeconds < 1) {
                throw new IllegalArgumentException("TTLs must be at least one second");
            }
        }
    }

    /** Neighbour lists of consecutive rows, keyed by item id, and how many neighbours they hold. */
    private record Batch(Map<String, String> lists, long neighbours) {}

    /** What the writer did. */
    private record Written(long items, long neighbours) {}

    private final Jedis redis;
    private final I2iKeys keys;
    private final Settings settings;

    public I2iExporter(Jedis redis, I2iKeys keys, Settings settings) {
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
    }

    /** Whether the pointer names {@code version} and its hash holds all {@code items}, for good (no TTL). */
    public boolean isCurrent(long version, long items) {
        String versionKey = keys.version(version);
        return Long.toString(version).equals(redis.get(keys.pointer()))
                && redis.hlen(versionKey) == items
                && redis.ttl(versionKey) == -1;
    }

    /**
     * Exports {@code version} unless it {@linkplain #isCurrent is current} already.
     *
     * @param items the embeddings the graph was built or verified against
     * @throws PointerMovedException when other exports kept switching the pointer
     */
    public ExportResult export(ItemGraph graph, ItemEmbeddings items, long version, ExportProgress progress)
            throws InterruptedException {
        long start = System.nanoTime();
        long count = items.count();
        if (isCurrent(version, count)) {
            return new ExportResult(version, count, 0, Optional.of(Long.toString(version)), true, seconds(start));
        }
        String staging = keys.staging(version, token());
        Written written = writeAll(graph, items, staging, progress);
        if (written.items() != count) {
            // Only duplicate item ids in a bundle could cause this, and the bundle checks forbid them.
            throw new IllegalStateException(staging + " gained " + written.items() + " items, " + count + " expected");
        }
        Optional<String> previous =
                PointerSwitch.run(redis, keys, staging, version, count, settings.previousTtlSeconds());
        return new ExportResult(version, count, written.neighbours(), previous, false, seconds(start));
    }

    private Written writeAll(ItemGraph graph, ItemEmbeddings items, String staging, ExportProgress progress)
            throws InterruptedException {
        int count = items.count();
        int batches = (count + settings.batchSize() - 1) / settings.batchSize();
        List<ItemNeighbours> searchers = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<ItemNeighbours> searcher = ThreadLocal.withInitial(() -> {
            ItemNeighbours own = new ItemNeighbours(graph, items, settings.topK());
            searchers.add(own);
            return own;
        });
        ExecutorService pool = Executors.newFixedThreadPool(
                settings.threads(),
                Thread.ofPlatform().name("i2i-search-", 0).daemon().factory());
        ArrayDeque<Future<Batch>> ahead = new ArrayDeque<>();
        int submitted = 0;
        long written = 0;
        long neighbours = 0;
        try {
            while (submitted < batches && ahead.size() < 2 * settings.threads()) {
                ahead.add(pool.submit(batch(submitted++, count, items, searcher)));
            }
            while (!ahead.isEmpty()) {
                Batch next = result(ahead.poll());
                if (submitted < batches) {
                    ahead.add(pool.submit(batch(submitted++, count, items, searcher)));
                }
                written += write(staging, next.lists());
                neighbours += next.neighbours();
                progress.batchWritten(written, count);
            }
            return new Written(written, neighbours);
        } finally {
            ahead.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            // Searchers hold native-backed views; close them only once no search can still be using one.
            pool.awaitTermination(1, TimeUnit.MINUTES);
            searchers.forEach(ItemNeighbours::close);
        }
    }

    private Callable<Batch> batch(int index, int count, ItemEmbeddings items, ThreadLocal<ItemNeighbours> searcher) {
        int from = index * settings.batchSize();
        int to = Math.min(count, from + settings.batchSize());
        return () -> {
            ItemNeighbours own = searcher.get();
            Map<String, String> lists = new LinkedHashMap<>(2 * (to - from));
            long neighbours = 0;
            for (int row = from; row < to; row++) {
                Neighbours found = own.of(row);
                neighbours += found.size();
                lists.put(Long.toString(items.id(row)), found.encode());
            }
            return new Batch(lists, neighbours);
        };
    }

    // One round-trip, and the TTL is set in the same transaction as the fields: no instant where the
    // staging hash exists without one.
    private long write(String staging, Map<String, String> lists) {
        try (Transaction tx = redis.multi()) {
            Response<Long> added = tx.hset(staging, lists);
            tx.expire(staging, settings.stagingTtlSeconds());
            tx.exec();
            return added.get();
        }
    }

    private static Batch result(Future<Batch> batch) throws InterruptedException {
        try {
            return batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("neighbour search failed", e.getCause());
        }
    }

    private static String token() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
