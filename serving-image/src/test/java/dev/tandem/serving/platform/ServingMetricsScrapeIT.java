/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.PrometheusTargets;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The real Prometheus scrapes the packaged serving application, and its query API returns the samples. */
@QuarkusIntegrationTest
@LocalPlatformTest
class ServingMetricsScrapeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prometheusScrapesServingMetrics(LocalPlatform platform) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        // Traffic first, so the request counter has a series to scrape.
        given().when().get("/v1/nothing/here").then().statusCode(404);

        String job = "serving-it-" + UUID.randomUUID().toString().substring(0, 8);
        PrometheusTargets.Registration target =
                platform.prometheusTargets().register(job, "127.0.0.1:" + port, "/q/metrics");
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        JsonNode up = query(platform, "up{job=\"" + job + "\"}");
                        assertThat(up.path(0).path("value").path(1).asText()).isEqualTo("1");
                        JsonNode requests = query(
                                platform, "http_server_requests_seconds_count{job=\"" + job + "\",status=\"404\"}");
                        assertThat(requests.path(0).path("value").path(1).asDouble())
                                .isGreaterThanOrEqualTo(1.0);
                    });
        } finally {
            target.close();
        }
    }

    private static JsonNode query(LocalPlatform platform, String promql) throws Exception {
        URI uri = platform.prometheusUrl()
                .resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).as(response.body()).isEqualTo("success");
        return body.path("data").path("result");
    }
}
