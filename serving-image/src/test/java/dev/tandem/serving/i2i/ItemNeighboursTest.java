/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.i2i;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.bundle.HnswParams;
import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.bundle.MipsStrategy;
import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.index.ProbeRecall;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** Neighbours are the exact inner-product neighbours up to ANN error, never the item itself. */
class ItemNeighboursTest {

    @Test
    void findsTheInnerProductNeighboursOfEveryItemButNeverTheItem() throws Exception {
        int count = 600;
        int dim = 16;
        int k = 10;
        SplittableRandom random = new SplittableRandom(11);
        long[] ids = new long[count];
        float[] vectors = new float[count * dim];
        for (int row = 0; row < count; row++) {
            ids[row] = 1_000 + 7L * row;
            for (int d = 0; d < dim; d++) {
                vectors[row * dim + d] = (float) random.nextGaussian();
            }
        }
        ItemEmbeddings items = new ItemEmbeddings(ids, vectors, dim);
        ForkJoinPool pool = new ForkJoinPool(2);
        long found = 0;
        try (ItemGraph graph = ItemGraph.build(items, MipsStrategy.MOBIUS, HnswParams.defaults(), pool);
                ItemNeighbours neighbours = new ItemNeighbours(graph, items, k)) {
            for (int row = 0; row < count; row++) {
                Neighbours n = neighbours.of(row);
                assertThat(n.ids()).hasSize(k).doesNotContain(ids[row]);
                assertThat(n.scores()[0])
                        .isCloseTo(items.dot(items.vector(row), rowOf(ids, n.ids()[0])), within(1e-3f));
                int self = row;
                long[] exact = Arrays.stream(ProbeRecall.exactTopK(items, items.vector(row), k + 1))
                        .filter(r -> r != self)
                        .limit(k)
                        .mapToLong(items::id)
                        .toArray();
                found += Arrays.stream(n.ids())
                        .filter(id -> Arrays.stream(exact).anyMatch(e -> e == id))
                        .count();
            }
        } finally {
            pool.shutdown();
        }
        assertThat((double) found / (count * k)).isGreaterThan(0.95);
    }

    private static int rowOf(long[] ids, long id) {
        return (int) ((id - 1_000) / 7);
    }
}
