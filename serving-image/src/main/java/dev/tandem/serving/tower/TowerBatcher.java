/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.tower;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the tower for requests that arrive together in one session call. A request thread queues its input
 * row and waits; one batching thread takes whatever is queued (up to {@code maxBatch}) and calls the tower
 * once. There is no waiting for a batch to fill: a lone request goes straight through, and under load the
 * queue fills by itself while the previous batch runs, which is when batching pays.
 */
public final class TowerBatcher implements AutoCloseable {

    private record Pending(long[] input, CompletableFuture<float[]> result) {}

    private final UserTower tower;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;

    public TowerBatcher(UserTower tower, int maxBatch, String name) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
        }
        this.tower = tower;
        this.maxBatch = maxBatch;
        this.worker = Thread.ofPlatform().name("tower-batcher-" + name).daemon().start(this::run);
    }

    /** The user vector for one input row of {@link UserTower#historyLength()} values. */
    public float[] userVector(long[] input) {
        if (closed) {
            throw new IllegalStateException("the tower is closed");
        }
        CompletableFuture<float[]> result = new CompletableFuture<>();
        queue.add(new Pending(input, result));
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the tower", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    public UserTower tower() {
        return tower;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                call(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void call(List<Pending> batch) {
        int length = tower.historyLength();
        long[] inputs = new long[batch.size() * length];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(batch.get(i).input(), 0, inputs, i * length, length);
        }
        try {
            float[] vectors = tower.userVectors(inputs, batch.size());
            int dim = tower.dim();
            for (int i = 0; i < batch.size(); i++) {
                float[] v = new float[dim];
                System.arraycopy(vectors, i * dim, v, 0, dim);
                batch.get(i).result().complete(v);
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    /** Answers what is queued, stops the batching thread, then closes the tower. */
    @Override
    public void close() {
        closed = true;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tower.close();
    }
}
