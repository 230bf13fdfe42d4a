/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON calls to an MLflow tracking server's REST API ({@code /api/2.0/mlflow/...}), for what the Java
 * {@code mlflow-client} does not cover (aliases, webhooks, MLflow 3 endpoints). Errors come back as
 * {@link MlflowApiException} with MLflow's error code.
 */
public final class MlflowRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI api;
    private final HttpClient http;

    /** @param trackingUri base URL of the tracking server, e.g. {@code http://127.0.0.1:5000} */
    public MlflowRestClient(URI trackingUri, HttpClient http) {
        this.api = MlflowUris.withTrailingSlash(trackingUri).resolve("api/2.0/mlflow/");
        this.http = http;
    }

    /** POSTs a JSON body to {@code /api/2.0/mlflow/<endpoint>} and returns the JSON reply. */
    public JsonNode post(String endpoint, Map<String, ?> body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body for " + endpoint + " is not JSON-serialisable", e);
        }
        return send(HttpRequest.newBuilder(api.resolve(endpoint))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** GETs {@code /api/2.0/mlflow/<endpoint>?<query>} and returns the JSON reply. */
    public JsonNode get(String endpoint, Map<String, String> query) {
        String queryString = query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI uri = api.resolve(endpoint + (queryString.isEmpty() ? "" : "?" + queryString));
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
    }

    private JsonNode send(HttpRequest request) {
        String what = request.method() + " " + request.uri().getPath();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("MLflow at " + api + " is unreachable (" + what + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw MlflowUris.errorOf(what, response.statusCode(), response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new MlflowApiException(what, response.statusCode(), "MALFORMED_RESPONSE", response.body());
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
