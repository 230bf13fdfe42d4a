/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import dev.tandem.bundle.HnswParams;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options of the benchmark mains, each with its default; unknown names are refused with
 * the known ones, so a typo does not silently run a 1M benchmark with the wrong setting.
 */
final class BenchmarkOptions {

    private static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> values;

    private BenchmarkOptions(Map<String, String> values) {
        this.values = values;
    }

    static BenchmarkOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!DEFAULTS.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "usage: --name value ...; options and defaults: " + new java.util.TreeMap<>(DEFAULTS));
            }
            values.put(name, args[i + 1]);
        }
        return new BenchmarkOptions(values);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new HashMap<>();
        d.put("items", "1000000"); // synthetic items; 0 skips the synthetic set
        d.put("dim", "64");
        d.put("clusters", "1000");
        d.put("norm-sigma", "0.7");
        d.put("seed", "42");
        d.put("queries", "1000");
        d.put("bundle", ""); // a trained model's bundle directory; empty skips it
        d.put("indexes", "mobius,extra-dimension,raw-dot,hnswlib,exact");
        d.put("degree", "32");
        d.put("beam", "200");
        d.put("overflow", "1.2");
        d.put("alpha", "1.2");
        d.put("refine-final-graph", "true"); // jvector's extra pass over every node after the build
        d.put("hierarchy", "true"); // jvector's upper HNSW layers
        d.put("hnsw-m", "16");
        d.put("hnsw-ef-construction", "200");
        d.put("threads", "2");
        d.put("filtered", "0.001,0.1,0.5"); // excluded shares for the filtered table; empty skips it
        d.put("filter-recall", "0.95"); // the unfiltered recall whose overquery the filtered runs use
        d.put(
                "cache",
                Path.of(System.getProperty("user.home"), ".cache", "tandem", "bench")
                        .toString());
        d.put("python", "/usr/bin/python3");
        d.put("hnswlib-script", "benchmarks/src/main/python/hnswlib_bench.py");
        return Map.copyOf(d);
    }

    String get(String name) {
        return values.get(name);
    }

    int integer(String name) {
        return Integer.parseInt(values.get(name));
    }

    double decimal(String name) {
        return Double.parseDouble(values.get(name));
    }

    boolean bool(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    Path path(String name) {
        return Path.of(values.get(name));
    }

    Set<String> set(String name) {
        return new LinkedHashSet<>(list(name));
    }

    List<String> list(String name) {
        String v = values.get(name).trim();
        return v.isEmpty() ? List.of() : Arrays.asList(v.split(","));
    }

    double[] decimals(String name) {
        return list(name).stream().mapToDouble(Double::parseDouble).toArray();
    }

    HnswParams hnswParams() {
        return new HnswParams(
                integer("degree"),
                integer("beam"),
                HnswParams.defaults().overquery(),
                (float) decimal("overflow"),
                (float) decimal("alpha"));
    }

    ClusteredVectors synthetic() {
        return new ClusteredVectors(
                integer("items"), integer("dim"), integer("clusters"), decimal("norm-sigma"), integer("seed"));
    }

    /** Every option as the run used it, for the log. */
    @Override
    public String toString() {
        return new java.util.TreeMap<>(values).toString();
    }
}
