/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.bundle.HnswParams;
import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.bundle.ItemMetadata;
import dev.tandem.bundle.MipsStrategy;
import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.index.ProbeRecall;
import dev.tandem.serving.metrics.ServingMetrics;
import dev.tandem.serving.pair.ItemCatalog;
import dev.tandem.serving.pair.ServedPair;
import dev.tandem.serving.tower.TowerBatcher;
import dev.tandem.serving.tower.TowerFunction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probe a rollout's analysis runs measures the search users get from this pair: its own overquery, and
 * with re-ranking on the wider candidate search, on the probe user vectors build-index uses.
 */
class RecommenderProbeRecallTest {

    private static final int ITEMS = 3_000;
    private static final int DIM = 16;
    private static final int QUERIES = 300;

    private static ItemEmbeddings items;
    private static ServedPair narrow;
    private static ServedPair wide;

    /** User vector = mean of the history's item vectors: a stand-in tower whose users sit among the items. */
    private record MeanTower(ItemEmbeddings items) implements TowerFunction {
        @Override
        public int historyLength() {
            return 5;
        }

        @Override
        public long padValue() {
            return 0;
        }

        @Override
        public int dim() {
            return DIM;
        }

        @Override
        public float[] userVectors(long[] inputs, int count) {
            float[] out = new float[count * DIM];
            for (int q = 0; q < count; q++) {
                for (int i = 0; i < historyLength(); i++) {
                    long value = inputs[q * historyLength() + i];
                    if (value != padValue()) {
                        float[] item = items.vector((int) value - 1);
                        for (int d = 0; d < DIM; d++) {
                            out[q * DIM + d] += item[d] / historyLength();
                        }
                    }
                }
            }
            return out;
        }

        @Override
        public void close() {}
    }

    @BeforeAll
    static void pairs() {
        SplittableRandom random = new SplittableRandom(17);
        float[][] centres = new float[30][DIM];
        for (float[] c : centres) {
            for (int d = 0; d < DIM; d++) {
                c[d] = (float) random.nextGaussian();
            }
        }
        long[] ids = new long[ITEMS];
        float[] vectors = new float[ITEMS * DIM];
        for (int row = 0; row < ITEMS; row++) {
            ids[row] = 1000 + row;
            float[] c = centres[random.nextInt(centres.length)];
            double norm = Math.exp(0.5 * random.nextGaussian());
            for (int d = 0; d < DIM; d++) {
                vectors[row * DIM + d] = (float) ((c[d] + 0.5 * random.nextGaussian()) * norm);
            }
        }
        items = new ItemEmbeddings(ids, vectors, DIM);
        // A sparse graph searched with overquery 1 misses neighbours that the same graph searched ten times as
        // wide finds: a probe that ignored the pair's overquery could not tell them apart.
        narrow = pair(new HnswParams(6, 12, 1, 1.2f, 1.2f));
        wide = pair(new HnswParams(6, 12, 10, 1.2f, 1.2f));
    }

    private static ServedPair pair(HnswParams params) {
        ItemGraph graph;
        try (ForkJoinPool pool = new ForkJoinPool(2)) {
            graph = ItemGraph.build(items, MipsStrategy.MOBIUS, params, pool);
        }
        ItemCatalog catalog = new ItemCatalog(items, new ItemMetadata(new float[ITEMS], new long[ITEMS]));
        return new ServedPair(3, null, catalog, graph, new TowerBatcher(new MeanTower(items), 8), () -> {});
    }

    @AfterAll
    static void close() {
        narrow.retire();
        wide.retire();
    }

    private static Recommender recommender(RerankPolicy rerank) {
        return new Recommender(rerank, 1000, new ServingMetrics(new SimpleMeterRegistry()));
    }

    @Test
    void measuresTheSearchAsThePairIsConfiguredToRunIt() {
        Recommender plain = recommender(RerankPolicy.off());

        ProbeRecall.Measurement narrowRecall = plain.probeRecall(narrow, QUERIES, 10);
        ProbeRecall.Measurement wideRecall = plain.probeRecall(wide, QUERIES, 10);

        assertThat(wideRecall.recall()).isGreaterThan(0.9);
        assertThat(narrowRecall.recall()).isLessThan(wideRecall.recall() - 0.05);
        assertThat(wideRecall.queries()).isEqualTo(QUERIES);
        assertThat(wideRecall.k()).isEqualTo(10);
        assertThat(wideRecall.exactNanos()).isPositive();
        assertThat(wideRecall.graphNanos()).isPositive();
        // The same figure build-index records for this graph and probe count.
        float[] probes = ProbeRecall.userVectors(new MeanTower(items), ITEMS, QUERIES);
        assertThat(wideRecall.recall()).isEqualTo(ProbeRecall.measure(wide.graph(), probes, QUERIES, 10));
        assertThat(narrowRecall.recall()).isEqualTo(ProbeRecall.measure(narrow.graph(), probes, QUERIES, 10));
    }

    @Test
    void withReRankingOnItMeasuresTheWiderCandidateSearchBeforeReRanking() {
        // Predict then searches for 100 candidates (a beam of 100) and re-ranks them; recall is of their top 10
        // by inner product, so re-ranking weights do not count as search misses.
        Recommender reranking = recommender(new RerankPolicy(5.0, 0, 30, 100));

        double rerankRecall = reranking.probeRecall(narrow, QUERIES, 10).recall();

        assertThat(rerankRecall)
                .isGreaterThan(recommender(RerankPolicy.off())
                                .probeRecall(narrow, QUERIES, 10)
                                .recall()
                        + 0.05)
                .isGreaterThan(0.9);
    }

    @Test
    void kIsBoundedLikeAPredictRequest() {
        assertThatThrownBy(() -> recommender(RerankPolicy.off()).probeRecall(wide, 10, 0))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("k must be between 1 and 1000");
    }
}
