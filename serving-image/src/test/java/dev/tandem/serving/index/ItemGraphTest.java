/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.bundle.HnswParams;
import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.bundle.MipsStrategy;
import io.github.jbellis.jvector.util.Bits;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HNSW graph ranks like exact inner product, up to ANN error, in both MIPS strategies. */
class ItemGraphTest {

    private static final int ITEMS = 4_000;
    private static final int DIM = 32;
    private static final int QUERIES = 200;

    private static ItemEmbeddings items;
    private static ItemGraph graph;
    private static float[][] queries;
    private static ItemEmbeddings clustered;
    private static float[][] clusteredQueries;

    @BeforeAll
    static void build() {
        SplittableRandom random = new SplittableRandom(5);
        long[] ids = new long[ITEMS];
        float[] vectors = new float[ITEMS * DIM];
        for (int row = 0; row < ITEMS; row++) {
            ids[row] = row + 1;
            // Norms spread over an order of magnitude, as popular items' softmax weights are longer.
            double scale = 0.3 + 3 * random.nextDouble();
            for (int k = 0; k < DIM; k++) {
                vectors[row * DIM + k] = (float) (gaussian(random) * scale);
            }
        }
        items = new ItemEmbeddings(ids, vectors, DIM);
        queries = new float[QUERIES][DIM];
        for (float[] q : queries) {
            for (int k = 0; k < DIM; k++) {
                q[k] = (float) gaussian(random);
            }
        }
        try (ForkJoinPool pool = new ForkJoinPool(2)) {
            graph = ItemGraph.build(items, MipsStrategy.MOBIUS, HnswParams.defaults(), pool);
        }
        clusteredEmbeddings(new SplittableRandom(11));
    }

    // Items around 40 genre centres, norms log-normal (sigma 0.5) as popularity stretches softmax weights; users
    // near a centre. The extra-dimension reduction puts the short items near one pole and the queries on the
    // equator, which is where its graph search loses its way.
    private static void clusteredEmbeddings(SplittableRandom random) {
        int centres = 40;
        float[][] centre = new float[centres][DIM];
        for (float[] c : centre) {
            for (int k = 0; k < DIM; k++) {
                c[k] = (float) gaussian(random);
            }
        }
        long[] ids = new long[ITEMS];
        float[] vectors = new float[ITEMS * DIM];
        for (int row = 0; row < ITEMS; row++) {
            ids[row] = row + 1;
            float[] c = centre[random.nextInt(centres)];
            double scale = Math.exp(0.5 * gaussian(random));
            for (int k = 0; k < DIM; k++) {
                vectors[row * DIM + k] = (float) ((c[k] + 0.5 * gaussian(random)) * scale);
            }
        }
        clustered = new ItemEmbeddings(ids, vectors, DIM);
        clusteredQueries = new float[QUERIES][DIM];
        for (float[] q : clusteredQueries) {
            float[] c = centre[random.nextInt(centres)];
            for (int k = 0; k < DIM; k++) {
                q[k] = (float) (c[k] + 0.5 * gaussian(random));
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        graph.close();
    }

    @Test
    void recallAtTenAgainstExactInnerProductIsHigh() {
        double recall = recall(row -> true, Bits.ALL);
        // Isotropic Gaussian vectors of spread norms are the hard case for MIPS graphs: measured 0.9995
        // here (the extra-dimension reduction 0.90–0.92, a graph built on the raw inner product 0.59–0.80).
        assertThat(recall).isGreaterThan(0.97);
    }

    @Test
    void scoresAreTheModelsInnerProducts() {
        try (ItemSearcher searcher = graph.searcher()) {
            ItemSearcher.Hit[] hits = searcher.search(queries[0], 10, Bits.ALL);
            assertThat(hits).hasSize(10);
            for (ItemSearcher.Hit hit : hits) {
                assertThat(hit.score())
                        .isCloseTo(items.dot(queries[0], hit.row()), within(1e-3f * Math.abs(hit.score()) + 1e-3f));
            }
            for (int i = 1; i < hits.length; i++) {
                assertThat(hits[i].score()).isLessThanOrEqualTo(hits[i - 1].score());
            }
        }
    }

    @Test
    void filteringInsideTheSearchStillReturnsKAcceptedItems() {
        IntPredicate tenth = row -> row % 10 == 0;
        Bits accept = tenth::test;
        try (ItemSearcher searcher = graph.searcher()) {
            ItemSearcher.Hit[] hits = searcher.search(queries[1], 10, accept);
            assertThat(hits)
                    .hasSize(10)
                    .allSatisfy(hit -> assertThat(hit.row() % 10).isZero());
        }
        // Measured 0.994–0.997: rejecting inside the search keeps walking the graph until k accepted items.
        assertThat(recall(tenth, accept)).isGreaterThan(0.95);
    }

    @Test
    void candidatesForReRankingAreAsGoodAtTheTopAsATopKSearch() {
        double found = 0;
        try (ItemSearcher searcher = graph.searcher()) {
            for (float[] q : queries) {
                ItemSearcher.Hit[] candidates = searcher.candidates(q, 100, 10, Bits.ALL);
                assertThat(candidates).hasSize(100);
                assertThat(Arrays.stream(candidates)
                                .mapToInt(ItemSearcher.Hit::row)
                                .distinct()
                                .count())
                        .isEqualTo(100);
                for (int i = 1; i < candidates.length; i++) {
                    assertThat(candidates[i].score()).isLessThanOrEqualTo(candidates[i - 1].score());
                }
                Set<Integer> exact = exactTop(q, 10, row -> true);
                for (int i = 0; i < 10; i++) {
                    found += exact.contains(candidates[i].row()) ? 1 : 0;
                }
            }
            assertThat(found / (10.0 * QUERIES)).isGreaterThan(0.97);
            assertThatThrownBy(() -> searcher.candidates(queries[0], 5, 10, Bits.ALL))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("k <= count");
        }
    }

    @Test
    void mobiusKeepsRecallWhereTheExtraDimensionLosesItOnClusteredVectorsOfSpreadNorms() throws IOException {
        try (ForkJoinPool pool = new ForkJoinPool(2);
                ItemGraph mobius = ItemGraph.build(clustered, MipsStrategy.MOBIUS, HnswParams.defaults(), pool);
                ItemGraph extra =
                        ItemGraph.build(clustered, MipsStrategy.EXTRA_DIMENSION, HnswParams.defaults(), pool)) {
            for (ItemGraph g : new ItemGraph[] {mobius, extra}) {
                try (ItemSearcher searcher = g.searcher()) {
                    for (ItemSearcher.Hit hit : searcher.search(clusteredQueries[0], 10, Bits.ALL)) {
                        float exact = clustered.dot(clusteredQueries[0], hit.row());
                        assertThat(hit.score()).isCloseTo(exact, within(1e-3f * Math.abs(exact) + 1e-3f));
                    }
                }
            }
            double mobiusRecall = recall(mobius, clustered, clusteredQueries);
            double extraRecall = recall(extra, clustered, clusteredQueries);
            // Measured 1.0 against 0.976–0.98; the ANN benchmark shows the gap at 1M items.
            assertThat(mobiusRecall).isGreaterThan(0.97).isGreaterThan(extraRecall);
        }
    }

    @Test
    void itemsComeBackWhenEveryInnerProductIsNegative() throws IOException {
        // jvector's DOT_PRODUCT score (1 + x·y) / 2 is below zero here; a zero score threshold would drop them all.
        SplittableRandom random = new SplittableRandom(3);
        int count = 300;
        long[] ids = new long[count];
        float[] vectors = new float[count * DIM];
        for (int row = 0; row < count; row++) {
            ids[row] = row + 1;
            for (int k = 0; k < DIM; k++) {
                vectors[row * DIM + k] = (float) (0.5 + random.nextDouble());
            }
        }
        ItemEmbeddings positive = new ItemEmbeddings(ids, vectors, DIM);
        float[] query = new float[DIM];
        Arrays.fill(query, -1f);
        try (ForkJoinPool pool = new ForkJoinPool(2);
                ItemGraph g = ItemGraph.build(positive, MipsStrategy.MOBIUS, HnswParams.defaults(), pool);
                ItemSearcher searcher = g.searcher()) {
            ItemSearcher.Hit[] hits = searcher.search(query, 10, Bits.ALL);
            assertThat(hits).hasSize(10);
            assertThat(hits[0].row()).isEqualTo(ProbeRecall.exactTopK(positive, query, 1)[0]);
            assertThat(hits[0].score()).isLessThan(-1f);
        }
    }

    private static double recall(ItemGraph g, ItemEmbeddings vectors, float[][] probes) {
        double found = 0;
        try (ItemSearcher searcher = g.searcher()) {
            for (float[] q : probes) {
                Set<Integer> exact = new HashSet<>();
                for (int row : ProbeRecall.exactTopK(vectors, q, 10)) {
                    exact.add(row);
                }
                for (ItemSearcher.Hit hit : searcher.search(q, 10, Bits.ALL)) {
                    found += exact.contains(hit.row()) ? 1 : 0;
                }
            }
        }
        return found / (10.0 * probes.length);
    }

    private static double recall(IntPredicate allowed, Bits accept) {
        double found = 0;
        try (ItemSearcher searcher = graph.searcher()) {
            for (float[] q : queries) {
                Set<Integer> exact = exactTop(q, 10, allowed);
                for (ItemSearcher.Hit hit : searcher.search(q, 10, accept)) {
                    found += exact.contains(hit.row()) ? 1 : 0;
                }
            }
        }
        return found / (10.0 * QUERIES);
    }

    private static Set<Integer> exactTop(float[] q, int k, IntPredicate allowed) {
        Integer[] rows = new Integer[ITEMS];
        Arrays.setAll(rows, r -> r);
        Arrays.sort(rows, (a, b) -> Float.compare(items.dot(q, b), items.dot(q, a)));
        Set<Integer> top = new HashSet<>();
        for (int i = 0; i < ITEMS && top.size() < k; i++) {
            if (allowed.test(rows[i])) {
                top.add(rows[i]);
            }
        }
        return top;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
