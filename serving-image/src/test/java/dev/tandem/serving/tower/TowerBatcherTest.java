/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.tower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Rows computed together come back to the request that sent them. The tower here is a plain function of its
 * input row rather than a TensorFlow SavedModel, so that each answer can be checked against its question; the
 * real tower is exercised through the batcher by the serving ITs.
 */
class TowerBatcherTest {

    private static final int LENGTH = 4;

    /** vector = (sum of the row, first value, the size of the call that computed it). */
    private static final class SummingTower implements TowerFunction {
        final AtomicInteger largestCall = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile long failOn = Long.MIN_VALUE;

        @Override
        public int historyLength() {
            return LENGTH;
        }

        @Override
        public long padValue() {
            return 0;
        }

        @Override
        public int dim() {
            return 3;
        }

        @Override
        public float[] userVectors(long[] inputs, int count) {
            calls.incrementAndGet();
            largestCall.accumulateAndGet(count, Math::max);
            float[] out = new float[count * 3];
            for (int row = 0; row < count; row++) {
                if (inputs[row * LENGTH] == failOn) {
                    throw new IllegalArgumentException("row " + failOn + " is refused");
                }
                long sum = 0;
                for (int i = 0; i < LENGTH; i++) {
                    sum += inputs[row * LENGTH + i];
                }
                out[row * 3] = sum;
                out[row * 3 + 1] = inputs[row * LENGTH];
                out[row * 3 + 2] = count;
            }
            // Long enough for requests from other threads to queue up behind this call.
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return out;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static long[] row(long first) {
        return new long[] {first, 1, 2, 3};
    }

    @Test
    void concurrentRequestsShareCallsAndEachGetsItsOwnRow() throws Exception {
        SummingTower tower = new SummingTower();
        TowerBatcher batcher = new TowerBatcher(tower, 8);
        int threads = 16;
        int perThread = 200;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long base = t * 1_000_000L;
                wrong.add(pool.submit(() -> {
                    start.await();
                    int mismatches = 0;
                    for (int i = 0; i < perThread; i++) {
                        float[] v = batcher.userVector(row(base + i));
                        if (v[1] != base + i || v[0] != base + i + 6) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            for (Future<Integer> w : wrong) {
                assertThat(w.get()).isZero();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(tower.largestCall.get()).isGreaterThan(1).isLessThanOrEqualTo(8);
        assertThat(tower.calls.get()).isLessThan(threads * perThread);
    }

    @Test
    void aLoneRequestIsComputedAtOnceInACallOfOne() {
        SummingTower tower = new SummingTower();
        TowerBatcher batcher = new TowerBatcher(tower, 64);
        float[] v = batcher.userVector(row(7));
        assertThat(v).containsExactly(13f, 7f, 1f);
    }

    @Test
    void aFailingCallFailsItsRequestsAndTheNextCallWorks() {
        SummingTower tower = new SummingTower();
        tower.failOn = 5;
        TowerBatcher batcher = new TowerBatcher(tower, 64);
        assertThatThrownBy(() -> batcher.userVector(row(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 5 is refused");
        assertThat(batcher.userVector(row(6))[1]).isEqualTo(6f);
    }

    @Test
    void closingClosesTheTowerAndRefusesLaterRequests() {
        SummingTower tower = new SummingTower();
        TowerBatcher batcher = new TowerBatcher(tower, 64);
        batcher.close();
        assertThat(tower.closed).isTrue();
        assertThatThrownBy(() -> batcher.userVector(row(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the tower is closed");
        assertThat(tower.calls.get()).isZero();
    }
}
