/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import dev.tandem.bundle.MipsStrategy;
import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.index.ItemSearcher;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.util.FixedBitSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Recall@10 and single-thread QPS of Tandem's MOBIUS search when a random share of the items is excluded, as
 * the recommend path excludes a user's history through jvector accept bits. Recall is measured against exact
 * search over the accepted items only, and the overquery is the one that gives the target recall unfiltered.
 *
 * <p>Standalone it builds the graph itself; {@link AnnBenchmark} calls {@link #run} on the MOBIUS graph it has
 * already built, so a 1M graph is built once for both tables.
 */
public final class FilteredBenchmark {

    private FilteredBenchmark() {}

    public static void main(String[] args) throws IOException {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        PrintStream out = System.out;
        out.println("options " + options);
        int threads = options.integer("threads");
        Dataset data = new DatasetCache(options.path("cache"), threads, out)
                .synthetic(options.synthetic(), options.integer("queries"));
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            TandemIndex.Built built = TandemIndex.build(data, MipsStrategy.MOBIUS, options.hnswParams(), pool);
            out.printf(Locale.ROOT, "built MOBIUS graph in %.1f s%n", built.buildSeconds());
            try (ItemGraph graph = built.graph()) {
                IndexResult unfiltered = TandemIndex.measure("Tandem MOBIUS", built, data, QuerySweep.CANDIDATES);
                run(
                        out,
                        graph,
                        data,
                        overqueryFor(unfiltered.sweep(), options.decimal("filter-recall")),
                        options.decimals("filtered"),
                        threads);
            }
        }
    }

    /** The smallest overquery of the sweep that reaches the recall (the largest swept if none does). */
    static int overqueryFor(Sweep sweep, double recall) {
        SweepPoint point = sweep.firstReaching(recall);
        int candidates =
                point != null ? point.candidates() : sweep.points().getLast().candidates();
        return Math.max(1, candidates / DatasetCache.K);
    }

    /** Prints the filtered table for these excluded shares. */
    static void run(PrintStream out, ItemGraph graph, Dataset data, int overquery, double[] excludedShares, int threads)
            throws IOException {
        out.printf(
                Locale.ROOT,
                "%n== %s: filtered search, Tandem MOBIUS, overquery %d (recall@10 against exact search over the"
                        + " accepted items)%n",
                data.name(),
                overquery);
        out.printf(Locale.ROOT, "| %10s | %10s | %9s | %9s |%n", "excluded", "accepted", "recall@10", "QPS");
        int candidates = overquery * DatasetCache.K;
        try (ItemSearcher searcher = graph.searcher()) {
            SweepPoint none = QuerySweep.pass(data, TandemIndex.search(searcher, Bits.ALL), candidates);
            out.printf(
                    Locale.ROOT,
                    "| %9.1f%% | %10d | %9.4f | %9.0f |%n",
                    0.0,
                    data.items().count(),
                    none.recall(),
                    none.qps());
            for (double share : excludedShares) {
                Bits accept = accepted(data.items().count(), share, 7);
                Dataset filtered = withTruth(data, accept, share, threads, out);
                QuerySweep.Search search = TandemIndex.search(searcher, accept);
                SweepPoint p = QuerySweep.pass(filtered, search, candidates);
                out.printf(
                        Locale.ROOT,
                        "| %9.1f%% | %10d | %9.4f | %9.0f |%n",
                        share * 100,
                        data.items().count() - Math.round(share * data.items().count()),
                        p.recall(),
                        p.qps());
            }
        }
        out.flush();
    }

    /** All rows but a random {@code share} of them, exactly {@code round(share × count)} excluded. */
    static Bits accepted(int count, double share, long seed) {
        FixedBitSet accept = new FixedBitSet(count);
        accept.set(0, count);
        int excluded = (int) Math.round(share * count);
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        // The first `excluded` slots of a partial Fisher–Yates shuffle: a uniform sample without repeats.
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < excluded; i++) {
            int j = i + random.nextInt(count - i);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
            accept.clear(rows[i]);
        }
        return accept;
    }

    // The dataset with its ground truth replaced by exact search over the accepted rows, cached beside it.
    private static Dataset withTruth(Dataset data, Bits accept, double share, int threads, PrintStream out)
            throws IOException {
        Path file = data.directory().resolve(String.format(Locale.ROOT, "truth-top10-excluded%.4f-seed7.i32", share));
        int[][] truth;
        if (Files.exists(file)) {
            truth = VectorFile.readInts(file);
        } else {
            long start = System.nanoTime();
            truth = ExactSearch.topK(data.items(), data.queries(), data.queryCount(), DatasetCache.K, accept, threads);
            out.printf(
                    Locale.ROOT,
                    "filtered ground truth (%.1f%% excluded) in %.1f s%n",
                    share * 100,
                    (System.nanoTime() - start) / 1e9);
            VectorFile.writeInts(file, truth);
        }
        return new Dataset(data.name(), data.items(), data.queries(), data.queryCount(), truth, data.directory());
    }
}
