/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import dev.tandem.bundle.HnswParams;
import dev.tandem.bundle.InvalidBundleException;
import dev.tandem.bundle.MipsStrategy;
import dev.tandem.serving.index.ItemGraph;
import io.github.jbellis.jvector.management.GraphIndexBuilderConfig;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * The ANN benchmark: on each dataset, in one run and on the same vectors, Tandem's search path in both MIPS
 * strategies, jvector's DOT_PRODUCT on the raw vectors, hnswlib's 'ip' index and an exact scan, each swept
 * over its candidate budget; prints recall@10 against single-thread QPS, build time on two threads, memory,
 * and QPS at recall 0.95 and 0.99 beside hnswlib's. With {@code --filtered} it also prints the filtered-search
 * table on the MOBIUS graph it built. Options: see {@link BenchmarkOptions}.
 */
public final class AnnBenchmark {

    private AnnBenchmark() {}

    public static void main(String[] args) throws IOException, InterruptedException, InvalidBundleException {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        PrintStream out = System.out;
        out.println("options " + options);
        // Process-wide jvector settings that every builder reads, ItemGraph's included; Tandem ships the defaults.
        GraphIndexBuilderConfig jvector = GraphIndexBuilderConfig.getInstance();
        jvector.setRefineFinalGraph(options.bool("refine-final-graph"));
        jvector.setAddHierarchy(options.bool("hierarchy"));
        out.printf(
                "java %s, %d cpus, max heap %d MB, jvector vectorization %s%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                VectorizationProvider.getInstance().getClass().getSimpleName());
        DatasetCache cache = new DatasetCache(options.path("cache"), options.integer("threads"), out);
        List<Dataset> datasets = new ArrayList<>();
        // The trained model's 100k items first: minutes, against the best part of an hour for 1M synthetic.
        if (!options.get("bundle").isEmpty()) {
            datasets.add(cache.bundle(options.path("bundle"), options.integer("queries")));
        }
        if (options.integer("items") > 0) {
            datasets.add(cache.synthetic(options.synthetic(), options.integer("queries")));
        }
        for (Dataset data : datasets) {
            run(data, options, out);
        }
    }

    private static void run(Dataset data, BenchmarkOptions options, PrintStream out)
            throws IOException, InterruptedException {
        out.printf(
                Locale.ROOT,
                "%n# %s: %d items × %d, %d queries%n",
                data.name(),
                data.items().count(),
                data.dim(),
                data.queryCount());
        Set<String> indexes = options.set("indexes");
        HnswParams params = options.hnswParams();
        int threads = options.integer("threads");
        List<IndexResult> results = new ArrayList<>();
        // MOBIUS, hnswlib and the exact scan first: the comparison that matters is on screen before the two
        // baselines of a long 1M run are built.
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            if (indexes.contains(MipsStrategy.MOBIUS.json())) {
                results.add(tandem(data, MipsStrategy.MOBIUS, options, pool, out));
            }
            if (indexes.contains("hnswlib")) {
                HnswlibRunner hnswlib = new HnswlibRunner(options.get("python"), options.path("hnswlib-script"));
                results.add(report(
                        out,
                        hnswlib.measure(
                                data,
                                options.integer("hnsw-m"),
                                options.integer("hnsw-ef-construction"),
                                threads,
                                QuerySweep.CANDIDATES)));
            }
            if (indexes.contains("exact")) {
                results.add(report(out, BruteForce.measure(data, 200)));
            }
            // The side-by-side so far, in case a long run is stopped before the baselines below are done.
            if (indexes.contains(MipsStrategy.EXTRA_DIMENSION.json()) || indexes.contains("raw-dot")) {
                ResultTable.print(out, data.name(), results);
            }
            if (indexes.contains(MipsStrategy.EXTRA_DIMENSION.json())) {
                results.add(tandem(data, MipsStrategy.EXTRA_DIMENSION, options, pool, out));
            }
            if (indexes.contains("raw-dot")) {
                results.add(report(out, RawDotProductGraph.measure(data, params, pool, QuerySweep.CANDIDATES)));
            }
        }
        ResultTable.print(out, data.name(), results);
    }

    // Builds and sweeps one Tandem graph; the MOBIUS one also gives the filtered table, so 1M is built once.
    private static IndexResult tandem(
            Dataset data, MipsStrategy strategy, BenchmarkOptions options, ForkJoinPool pool, PrintStream out)
            throws IOException {
        HnswParams params = options.hnswParams();
        String name = "Tandem " + strategy.name() + " M=" + params.maxDegree() + " beam=" + params.beamWidth();
        TandemIndex.Built built = TandemIndex.build(data, strategy, params, pool);
        try (ItemGraph graph = built.graph()) {
            IndexResult result = report(out, TandemIndex.measure(name, built, data, QuerySweep.CANDIDATES));
            if (strategy == MipsStrategy.MOBIUS && !options.list("filtered").isEmpty()) {
                int overquery = FilteredBenchmark.overqueryFor(result.sweep(), options.decimal("filter-recall"));
                FilteredBenchmark.run(
                        out, graph, data, overquery, options.decimals("filtered"), options.integer("threads"));
            }
            return result;
        }
    }

    // Each index's figures as soon as it is done, so a long run shows progress and a crash loses little.
    private static IndexResult report(PrintStream out, IndexResult r) {
        out.printf(
                Locale.ROOT,
                "%s: build %.1f s (%.1f cpu s), %.1f MB, QPS@0.95 %.0f, QPS@0.99 %.0f%n",
                r.name(),
                r.buildSeconds(),
                r.buildCpuSeconds(),
                r.indexBytes() / 1e6,
                r.sweep().qpsAt(0.95),
                r.sweep().qpsAt(0.99));
        for (SweepPoint p : r.sweep().points()) {
            out.printf(
                    Locale.ROOT, "  candidates %4d  recall@10 %.4f  QPS %.0f%n", p.candidates(), p.recall(), p.qps());
        }
        out.flush();
        return r;
    }
}
