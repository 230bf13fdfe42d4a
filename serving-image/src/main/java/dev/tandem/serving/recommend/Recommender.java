/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.recommend;

import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.index.ItemSearcher;
import dev.tandem.serving.index.ProbeRecall;
import dev.tandem.serving.metrics.ServingMetrics;
import dev.tandem.serving.metrics.Stage;
import dev.tandem.serving.pair.ItemCatalog;
import dev.tandem.serving.pair.ServedPair;
import io.github.jbellis.jvector.util.Bits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The request path on one pair: history → user tower → user vector → graph search with the history and the
 * exclusions rejected inside the search → top-K' candidates → re-rank → top-k. Item-to-item runs the same
 * search from the item's own vector.
 */
public final class Recommender {

    private static final double SECONDS_PER_DAY = 86_400;

    private final RerankPolicy rerank;
    private final int maxK;
    private final ServingMetrics metrics;

    /**
     * @param maxK the largest k a request may ask for
     */
    public Recommender(RerankPolicy rerank, int maxK, ServingMetrics metrics) {
        this.rerank = rerank;
        this.maxK = maxK;
        this.metrics = metrics;
    }

    public int maxK() {
        return maxK;
    }

    /**
     * The same request path recording into a registry nobody scrapes: warm-up's requests (and their slow first
     * calls) must not land in the latency histograms users alert on after every swap.
     */
    public Recommender unmetered() {
        return new Recommender(rerank, maxK, new ServingMetrics(new SimpleMeterRegistry()));
    }

    /** Recommendations for one user. The caller holds the pair for the duration. */
    public Recommendation recommend(ServedPair pair, RecommendRequest request) {
        requireK(request.k());
        ItemCatalog catalog = pair.catalog();
        int[] historyRows = rowsOf(catalog, request.history(), pair.version());

        long start = System.nanoTime();
        int length = pair.tower().tower().historyLength();
        long[] input = new long[length];
        Arrays.fill(input, pair.tower().tower().padValue());
        int take = Math.min(length, historyRows.length);
        for (int i = 0; i < take; i++) {
            input[length - take + i] = historyRows[historyRows.length - take + i] + 1L;
        }
        float[] user = pair.tower().userVector(input);
        long towerDone = System.nanoTime();
        metrics.stage(Stage.TOWER, towerDone - start);

        ExcludedRows excluded = excluded(catalog, historyRows, request.exclude(), -1);
        return searchAndRank(pair, user, excluded, request.k(), towerDone);
    }

    /** Items similar to one item (by the model's inner product of item vectors). */
    public Recommendation similarItems(ServedPair pair, SimilarItemsRequest request) {
        requireK(request.k());
        int row = pair.catalog().row(request.itemId());
        if (row < 0) {
            throw new UnknownItemException(request.itemId(), pair.version());
        }
        ExcludedRows excluded = excluded(pair.catalog(), new int[0], request.exclude(), row);
        return searchAndRank(pair, pair.graph().itemVector(row), excluded, request.k(), System.nanoTime());
    }

    private Recommendation searchAndRank(
            ServedPair pair, float[] query, ExcludedRows excluded, int k, long searchStart) {
        ItemCatalog catalog = pair.catalog();
        metrics.excludedRatio((double) excluded.count() / catalog.size());
        ItemSearcher searcher = pair.borrowSearcher();
        ItemSearcher.Hit[] hits;
        try {
            hits = retrieve(searcher, query, k, excluded);
        } finally {
            pair.giveBack(searcher);
        }
        long searchDone = System.nanoTime();
        metrics.stage(Stage.SEARCH, searchDone - searchStart);

        float[] scores = new float[hits.length];
        for (int i = 0; i < hits.length; i++) {
            scores[i] = hits[i].score();
        }
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (rerank.enabled()) {
            double halfLife = rerank.freshnessHalfLifeDays() * SECONDS_PER_DAY;
            for (int i = 0; i < hits.length; i++) {
                int row = hits[i].row();
                scores[i] += (float) (rerank.popularityWeight() * catalog.popularity(row)
                        + rerank.freshnessWeight() * catalog.freshness(row, halfLife));
            }
            Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
            metrics.stage(Stage.RERANK, System.nanoTime() - searchDone);
        }
        int n = Math.min(k, hits.length);
        long[] ids = new long[n];
        float[] top = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = catalog.id(hits[order[i]].row());
            top[i] = scores[order[i]];
        }
        return new Recommendation(ids, top, pair.version());
    }

    /**
     * Recall@k of this request path's graph search (before re-ranking) against exact inner-product search over
     * the pair's items, on {@link ProbeRecall#userVectors the pair's probe user vectors} from its own tower: what
     * a rollout's analysis checks on a candidate pair. The caller holds the pair for the duration.
     */
    public ProbeRecall.Measurement probeRecall(ServedPair pair, int queries, int k) {
        requireK(k);
        ItemGraph graph = pair.graph();
        float[] users = ProbeRecall.userVectors(pair.tower().tower(), graph.size(), queries);
        ItemSearcher searcher = pair.borrowSearcher();
        try {
            return ProbeRecall.measure(graph.items(), users, queries, k, (query, n) -> {
                ItemSearcher.Hit[] hits = retrieve(searcher, query, n, Bits.ALL);
                return hits.length > n ? Arrays.copyOf(hits, n) : hits;
            });
        } finally {
            pair.giveBack(searcher);
        }
    }

    // The one graph search of the request path: with re-ranking, the candidates it re-ranks (best first by
    // inner product, so their first k are the search's top k); without, the top k.
    private ItemSearcher.Hit[] retrieve(ItemSearcher searcher, float[] query, int k, Bits accept) {
        return rerank.enabled()
                ? searcher.candidates(query, Math.max(k, rerank.candidates()), k, accept)
                : searcher.search(query, k, accept);
    }

    private void requireK(int k) {
        if (k < 1 || k > maxK) {
            throw new BadRequestException("k must be between 1 and " + maxK + ", got " + k);
        }
    }

    private static int[] rowsOf(ItemCatalog catalog, long[] ids, long version) {
        int[] rows = new int[ids.length];
        long[] unknown = new long[ids.length];
        int unknownCount = 0;
        for (int i = 0; i < ids.length; i++) {
            rows[i] = catalog.row(ids[i]);
            if (rows[i] < 0) {
                unknown[unknownCount++] = ids[i];
            }
        }
        if (unknownCount > 0) {
            throw new BadRequestException("unknown item ids in history: "
                    + Arrays.stream(unknown, 0, Math.min(unknownCount, 10))
                            .mapToObj(Long::toString)
                            .collect(Collectors.joining(", "))
                    + (unknownCount > 10 ? " and " + (unknownCount - 10) + " more" : "")
                    + " (model version " + version + " does not know them)");
        }
        return rows;
    }

    // Unknown exclusions are ignored rather than refused: an item the catalog lacks can never be returned,
    // and clients keep one exclusion list across model versions whose catalogs differ.
    private static ExcludedRows excluded(ItemCatalog catalog, int[] historyRows, long[] exclude, int itself) {
        int[] rows = new int[historyRows.length + exclude.length + 1];
        int n = 0;
        for (int row : historyRows) {
            rows[n++] = row;
        }
        for (long id : exclude) {
            int row = catalog.row(id);
            if (row >= 0) {
                rows[n++] = row;
            }
        }
        if (itself >= 0) {
            rows[n++] = itself;
        }
        return new ExcludedRows(rows, n);
    }
}
