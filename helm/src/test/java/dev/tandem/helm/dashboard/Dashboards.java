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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * One {@code label_values(selector, label)} variable query of a dashboard (Grafana's syntax, which it runs as
     * Prometheus' label values API).
     *
     * @param dashboard the dashboard's title
     * @param variable the variable's name
     * @param selector the series selector, with the dashboard's variables in it
     * @param label the label whose values the variable offers
     */
    public record VariableQuery(String dashboard, String variable, String selector, String label) {

        /** The selector once the given variables are put in. */
        public String resolvedSelector(Map<String, String> variables) {
            String resolved = selector;
            for (var v : variables.entrySet()) {
                resolved = resolved.replace("$" + v.getKey(), v.getValue());
            }
            return resolved;
        }
    }

    private static final Pattern LABEL_VALUES =
            Pattern.compile("^label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)$");

    private Dashboards() {}

    /** Every dashboard's query variables, parsed. */
    public static List<VariableQuery> variableQueries() {
        List<VariableQuery> queries = new ArrayList<>();
        for (Path file : files()) {
            JsonNode dashboard = read(file);
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (!variable.path("type").asText().equals("query")) {
                    continue;
                }
                String query = variable.path("query").path("query").asText();
                Matcher matcher = LABEL_VALUES.matcher(query);
                if (!matcher.matches()) {
                    throw new IllegalStateException(dashboard.path("title").asText() + " variable "
                            + variable.path("name").asText() + ": not label_values(selector, label): " + query);
                }
                queries.add(new VariableQuery(
                        dashboard.path("title").asText(),
                        variable.path("name").asText(),
                        matcher.group(1),
                        matcher.group(2)));
            }
        }
        return queries;
    }

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
