/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.helm.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Instant queries against a Prometheus server's HTTP API, as Grafana's Prometheus datasource sends them. */
public final class PrometheusQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI prometheus;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PrometheusQueries(URI prometheus) {
        this.prometheus = prometheus;
    }

    /** The values of a label among the series a selector matches (Prometheus' label values API). */
    public JsonNode labelValues(String label, String selector) {
        return get("/api/v1/label/" + label + "/values?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
    }

    /**
     * The series an instant query returns.
     *
     * @throws IllegalArgumentException with Prometheus' message when it refuses the query (e.g. it does not parse)
     */
    public JsonNode series(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                .path("result");
    }

    private JsonNode get(String pathAndQuery) {
        URI uri = prometheus.resolve(pathAndQuery);
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (!"success".equals(body.path("status").asText())) {
                throw new IllegalArgumentException(body.path("errorType").asText() + ": "
                        + body.path("error").asText());
            }
            return body.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
