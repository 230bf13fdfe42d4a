/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.tower;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the tower for requests that arrive together in one session call. Each request queues its input row and
 * takes the tower's lock; whoever holds it computes everything queued (up to {@code maxBatch} rows per call),
 * so a request that arrives while a call runs is answered by the next call, together with the others that
 * arrived meanwhile, and finds its vector ready when it gets the lock. A lone request computes its own row on
 * its own thread: there is no batching thread to hand rows to and wake up, which on a busy two-core machine
 * cost more than the tower itself.
 */
public final class TowerBatcher implements AutoCloseable {

    private record Pending(long[] input, CompletableFuture<float[]> result) {}

    private final TowerFunction tower;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Pending> batch;
    private boolean closed;

    public TowerBatcher(TowerFunction tower, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
        }
        this.tower = tower;
        this.maxBatch = maxBatch;
        this.batch = new ArrayList<>(maxBatch);
    }

    /** The user vector for one input row of {@link TowerFunction#historyLength()} values. */
    public float[] userVector(long[] input) {
        Pending mine = new Pending(input, new CompletableFuture<>());
        queue.add(mine);
        lock.lock();
        try {
            if (closed) {
                mine.result().completeExceptionally(new IllegalStateException("the tower is closed"));
            }
            while (!mine.result().isDone()) {
                callQueued();
            }
        } finally {
            lock.unlock();
        }
        try {
            return mine.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the tower", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    public TowerFunction tower() {
        return tower;
    }

    // Called with the lock held.
    private void callQueued() {
        Pending next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            int length = tower.historyLength();
            long[] inputs = new long[batch.size() * length];
            for (int i = 0; i < batch.size(); i++) {
                System.arraycopy(batch.get(i).input(), 0, inputs, i * length, length);
            }
            float[] vectors = tower.userVectors(inputs, batch.size());
            int dim = tower.dim();
            for (int i = 0; i < batch.size(); i++) {
                float[] v = new float[dim];
                System.arraycopy(vectors, i * dim, v, 0, dim);
                batch.get(i).result().complete(v);
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
        } finally {
            batch.clear();
        }
    }

    /** Waits for the call in progress, refuses what is still queued, then closes the tower. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            Pending left;
            while ((left = queue.poll()) != null) {
                left.result().completeExceptionally(new IllegalStateException("the tower is closed"));
            }
        } finally {
            lock.unlock();
        }
        tower.close();
    }
}
