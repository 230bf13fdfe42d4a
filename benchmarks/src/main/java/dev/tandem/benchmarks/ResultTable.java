/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** The side-by-side tables of one dataset: the summary against hnswlib, and recall per candidate count. */
final class ResultTable {

    static final double[] TARGETS = {0.95, 0.99};

    private ResultTable() {}

    static void print(PrintStream out, String dataset, List<IndexResult> results) {
        Optional<IndexResult> hnswlib =
                results.stream().filter(r -> r.name().startsWith("hnswlib")).findFirst();
        out.printf(Locale.ROOT, "%n== %s: summary (recall@10, single-thread QPS, build on 2 threads)%n", dataset);
        out.printf(
                Locale.ROOT,
                "| %-38s | %8s | %8s | %9s | %10s | %10s | %7s | %9s | %9s |%n",
                "index",
                "build s",
                "build cpu",
                "memory MB",
                "QPS@0.95",
                "QPS@0.99",
                "max rec",
                "×hnsw@.95",
                "×hnsw@.99");
        for (IndexResult r : results) {
            double q95 = r.sweep().qpsAt(TARGETS[0]);
            double q99 = r.sweep().qpsAt(TARGETS[1]);
            out.printf(
                    Locale.ROOT,
                    "| %-38s | %8.1f | %8.1f | %9.1f | %10s | %10s | %7.4f | %9s | %9s |%n",
                    r.name(),
                    r.buildSeconds(),
                    r.buildCpuSeconds(),
                    r.indexBytes() / 1e6,
                    number(q95),
                    number(q99),
                    r.sweep().bestRecall(),
                    hnswlib.map(h -> ratio(q95, h.sweep().qpsAt(TARGETS[0]))).orElse("-"),
                    hnswlib.map(h -> ratio(q99, h.sweep().qpsAt(TARGETS[1]))).orElse("-"));
        }
        hnswlib.ifPresent(h -> results.stream()
                .filter(r -> r.name().startsWith("Tandem"))
                .forEach(r -> out.printf(
                        Locale.ROOT,
                        "build time %s / hnswlib: wall %.2f, cpu %.2f%n",
                        r.name(),
                        r.buildSeconds() / h.buildSeconds(),
                        r.buildCpuSeconds() / h.buildCpuSeconds())));

        out.printf(Locale.ROOT, "%n== %s: recall@10 / QPS by candidates (k × overquery, or hnswlib's ef)%n", dataset);
        TreeSet<Integer> candidates = new TreeSet<>();
        results.stream()
                .filter(r -> r.sweep().points().size() > 1)
                .forEach(r -> r.sweep().points().forEach(p -> candidates.add(p.candidates())));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "| %6s |", "cand"));
        for (IndexResult r : results) {
            if (r.sweep().points().size() > 1) {
                header.append(String.format(Locale.ROOT, " %-22.22s |", r.name()));
            }
        }
        out.println(header);
        for (int c : candidates) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %6d |", c));
            for (IndexResult r : results) {
                if (r.sweep().points().size() > 1) {
                    String cell = r.sweep().points().stream()
                            .filter(p -> p.candidates() == c)
                            .findFirst()
                            .map(p -> String.format(Locale.ROOT, "%.4f / %8.0f", p.recall(), p.qps()))
                            .orElse("");
                    line.append(String.format(Locale.ROOT, " %-22s |", cell));
                }
            }
            out.println(line);
        }
        out.flush();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "not reached" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String ratio(double mine, double theirs) {
        return Double.isNaN(mine) || Double.isNaN(theirs) ? "-" : String.format(Locale.ROOT, "%.2f", mine / theirs);
    }
}
