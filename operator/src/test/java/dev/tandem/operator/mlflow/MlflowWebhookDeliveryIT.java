/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.operator.mlflow.MlflowWebhookSignature.Verdict;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real MLflow server signs registry webhook deliveries the way MlflowWebhookSignature checks them. */
@LocalPlatformTest
class MlflowWebhookDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "tandem-it-" + UUID.randomUUID();

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private HttpServer receiver;
    private URI api;
    private String webhookId;

    record Delivery(Map<String, String> headers, byte[] body) {}

    @BeforeEach
    void startReceiver(LocalPlatform platform) throws IOException {
        api = platform.mlflowUrl().resolve("/api/2.0/mlflow/");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/mlflow-webhook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(
                    Map.of(
                            "id", header(exchange, MlflowWebhookSignature.DELIVERY_ID_HEADER),
                            "timestamp", header(exchange, MlflowWebhookSignature.TIMESTAMP_HEADER),
                            "signature", header(exchange, MlflowWebhookSignature.SIGNATURE_HEADER)),
                    body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() throws Exception {
        if (webhookId != null) {
            http.send(
                    HttpRequest.newBuilder(api.resolve("webhooks/" + webhookId))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        receiver.stop(0);
    }

    @Test
    void aliasDeliveryIsSignedAndATamperedCopyIsNot() throws Exception {
        String model = "webhook-it-" + UUID.randomUUID();
        post("registered-models/create", Map.of("name", model));
        JsonNode run =
                post("runs/create", Map.of("experiment_id", "0")).path("run").path("info");
        post(
                "model-versions/create",
                Map.of(
                        "name",
                        model,
                        "run_id",
                        run.path("run_id").asText(),
                        "source",
                        run.path("artifact_uri").asText() + "/model"));
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/mlflow-webhook";
        webhookId = post("webhooks", Map.of("name", "tandem-it", "url", url, "secret", SECRET, "events", new Object[] {
                    Map.of("entity", "MODEL_VERSION_ALIAS", "action", "CREATED")
                }))
                .path("webhook")
                .path("webhook_id")
                .asText();

        post("registered-models/alias", Map.of("name", model, "alias", "champion", "version", "1"));

        Delivery delivery = deliveries.poll(30, TimeUnit.SECONDS);
        assertThat(delivery).as("a webhook delivery within 30s").isNotNull();
        JsonNode event = JSON.readTree(delivery.body());
        assertThat(event.path("entity").asText()).isEqualTo("model_version_alias");
        assertThat(event.path("action").asText()).isEqualTo("created");
        assertThat(event.path("data").path("name").asText()).isEqualTo(model);
        assertThat(event.path("data").path("alias").asText()).isEqualTo("champion");

        MlflowWebhookSignature signatures =
                new MlflowWebhookSignature(SECRET, Duration.ofMinutes(5), Clock.systemUTC());
        Map<String, String> h = delivery.headers();
        assertThat(signatures.verify(h.get("id"), h.get("timestamp"), h.get("signature"), delivery.body()))
                .isEqualTo(Verdict.VALID);

        byte[] tampered = new String(delivery.body(), StandardCharsets.UTF_8)
                .replace("champion", "challenger")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(signatures.verify(h.get("id"), h.get("timestamp"), h.get("signature"), tampered))
                .isEqualTo(Verdict.MISMATCH);
    }

    private JsonNode post(String path, Map<String, ?> body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(api.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST %s: %s", path, response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String header(com.sun.net.httpserver.HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }
}
