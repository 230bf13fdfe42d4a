/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.helm.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The chart's Grafana dashboards ({@code helm/tandem/dashboards/*.json}) and the PromQL of their panels. */
public final class Dashboards {

    /** Where the chart keeps them: tests run in the module's directory. */
    public static final Path DIRECTORY = Path.of("..", "helm", "tandem", "dashboards");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One query of one panel.
     *
     * @param dashboard the dashboard's title
     * @param panel the panel's title
     * @param expr its PromQL, with Grafana's variables in it
     */
    public record Query(String dashboard, String panel, String expr) {

        /**
         * The PromQL as Prometheus runs it once Grafana has put in the variables: the given values for the
         * dashboard's own, {@code rangeInterval} for Grafana's {@code $__rate_interval}.
         */
        public String resolved(Map<String, String> variables, String rangeInterval) {
            String promql = expr.replace("$__rate_interval", rangeInterval);
            for (var variable : variables.entrySet()) {
                promql = promql.replace("$" + variable.getKey(), variable.getValue());
            }
            return promql;
        }

        @Override
        public String toString() {
            return dashboard + " / " + panel + ": " + expr;
        }
    }

    private Dashboards() {}

    /** Each dashboard file, by path. */
    public static List<Path> files() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dashboard's JSON. */
    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel query of every dashboard. */
    public static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (Path file : files()) {
            JsonNode dashboard = read(file);
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(
                            dashboard.path("title").asText(),
                            panel.path("title").asText(),
                            target.path("expr").asText()));
                }
            }
        }
        return queries;
    }
}
