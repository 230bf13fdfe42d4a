/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.bundle.IndexLayout;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged server started on a version whose index build-index uploaded to the real MLflow: it serves that
 * index, and its probe-recall route measures the served search against exact search on the pair's own probe
 * user vectors, the figure build-index recorded, for a rollout's analysis.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = UploadedIndexResource.class, restrictToAnnotatedClass = true)
class ProbeRecallIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static URI base;
    private static String model;

    @BeforeAll
    static void waitForReady() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        base = URI.create("http://127.0.0.1:" + port);
        model = TrainedModelResource.trained.name();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void servesTheIndexBuildIndexUploaded() throws Exception {
        // Ready means the pair loaded; with tandem.index set, a pair loads only with that index verified against
        // its version. The server's own cache holds the index it downloaded from the artifact URI.
        try (Stream<Path> files = Files.walk(UploadedIndexResource.serverCache)) {
            assertThat(files.filter(f -> f.getFileName().toString().equals(IndexLayout.MANIFEST)))
                    .hasSize(1);
        }
        JsonNode status = json(get("/v1/models/" + model + "/versions/1"), 200);
        assertThat(status.path("model_version_status").path(0).path("state").asText())
                .isEqualTo("AVAILABLE");
    }

    @Test
    void probeRecallIsTheFigureBuildIndexRecorded() throws Exception {
        JsonNode probe = json(
                get("/tandem/v1/models/" + model + "/versions/1/probe-recall?queries="
                        + UploadedIndexResource.PROBE_QUERIES + "&k=10"),
                200);

        assertThat(probe.path("modelName").asText()).isEqualTo(model);
        assertThat(probe.path("version").asText()).isEqualTo("1");
        assertThat(probe.path("queries").asInt()).isEqualTo(UploadedIndexResource.PROBE_QUERIES);
        assertThat(probe.path("k").asInt()).isEqualTo(10);
        assertThat(probe.path("recall").asDouble())
                .isGreaterThan(0.9)
                .isCloseTo(UploadedIndexResource.summary.path("probeRecallAt10").asDouble(), within(0.005));
        assertThat(probe.path("exactMillis").asDouble()).isPositive();
        assertThat(probe.path("graphMillis").asDouble()).isPositive();
    }

    @Test
    void sampleItemIdsMakeValidPredictRequests() throws Exception {
        JsonNode probe = json(get("/tandem/v1/models/" + model + "/versions/1/probe-recall?queries=5"), 200);
        List<Long> ids = new ArrayList<>();
        probe.path("sampleItemIds").forEach(id -> ids.add(id.asLong()));
        assertThat(ids).hasSize(32).doesNotHaveDuplicates();

        HttpResponse<String> predict = HTTP.send(
                HttpRequest.newBuilder(base.resolve("/v1/models/" + model + ":predict"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"instances\": [{\"history\": " + ids.subList(0, 5) + ", \"k\": 10}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode prediction = json(predict, 200).path("predictions").path(0);
        assertThat(prediction.path("item_ids")).hasSize(10);
        assertThat(prediction.path("model_version").asText()).isEqualTo("1");
    }

    @Test
    void defaultsAndOtherK() throws Exception {
        JsonNode byDefault = json(get("/tandem/v1/models/" + model + "/versions/1/probe-recall"), 200);
        assertThat(byDefault.path("queries").asInt()).isEqualTo(1000);
        assertThat(byDefault.path("k").asInt()).isEqualTo(10);

        JsonNode wide = json(get("/tandem/v1/models/" + model + "/versions/1/probe-recall?queries=20&k=50"), 200);
        assertThat(wide.path("queries").asInt()).isEqualTo(20);
        assertThat(wide.path("k").asInt()).isEqualTo(50);
        assertThat(wide.path("recall").asDouble()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
    }

    @Test
    void theLastProbesRecallAndTheLoadTimeAreMetricsOfTheVersion() throws Exception {
        JsonNode probe = json(get("/tandem/v1/models/" + model + "/versions/1/probe-recall?queries=40"), 200);

        String metrics = get("/q/metrics").body();
        assertThat(sample(metrics, "tandem_serving_probe_recall{version=\"1\"}"))
                .isEqualTo(probe.path("recall").asDouble());
        assertThat(sample(metrics, "tandem_serving_pair_load_duration_seconds{version=\"1\"}"))
                .isPositive()
                .isLessThan(600);
        assertThat(metrics.lines().filter(line -> line.startsWith("tandem_serving_requests_total{")))
                .as("requests are counted with the version the pod served")
                .anySatisfy(line -> assertThat(line).contains("version=\"1\""));
    }

    private static double sample(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + series + " in\n" + metrics));
    }

    @Test
    void theProbeStaysOutOfTheLatencyUsersAlertOn() throws Exception {
        json(get("/tandem/v1/models/" + model + "/versions/1/probe-recall?queries=50"), 200);

        String metrics = get("/q/metrics").body();
        assertThat(metrics.lines()
                        .filter(line -> line.startsWith("tandem_serving_stage_seconds_count{")
                                && line.contains("stage=\"search\""))
                        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .sum())
                .isZero();
    }

    @Test
    void refusesBadQueriesAndUnknownVersionsInTfServingsShape() throws Exception {
        String route = "/tandem/v1/models/" + model + "/versions/1/probe-recall";
        assertThat(error(get(route + "?queries=0"), 400)).contains("queries must be between 1 and 1000, got 0");
        assertThat(error(get(route + "?queries=1001"), 400)).contains("queries must be between 1 and 1000");
        assertThat(error(get(route + "?queries=many"), 400)).contains("queries must be an integer");
        assertThat(error(get(route + "?k=0"), 400)).contains("k must be between 1 and");
        assertThat(error(get(route + "?k=100000"), 400)).contains("k must be between 1 and");
        assertThat(error(get("/tandem/v1/models/" + model + "/versions/one/probe-recall"), 400))
                .contains("version must be an integer");

        assertThat(error(get("/tandem/v1/models/" + model + "/versions/9/probe-recall"), 404))
                .isEqualTo("Servable not found for request: Specific(" + model + ", 9)");
        assertThat(error(get("/tandem/v1/models/no-such-model/versions/1/probe-recall"), 404))
                .isEqualTo("Servable not found for request: Latest(no-such-model)");
    }

    private static String error(HttpResponse<String> response, int status) throws Exception {
        return json(response, status).path("error").asText();
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    // No Content-Type and no body: a plain GET, as the operator's analysis sends it.
    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
