/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.bundle.BundleReader;
import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.serving.index.ProbeRecall;
import dev.tandem.testing.trainer.TrainedVersions;
import dev.tandem.trainer.model.SavedModelTower;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged server on bundles the trainer registered in the real MLflow: TF Serving's REST API answers with
 * the model's exact ranking up to ANN error, refuses bad requests in TF Serving's error shape without harm, and
 * swaps versions under constant load without a failed or mixed response.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = TrainedModelResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServingApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long[] HISTORY = {3, 17, 42, 99, 150};
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static URI base;
    private static TrainedVersions trained;

    @BeforeAll
    static void waitForReady() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        base = URI.create("http://127.0.0.1:" + port);
        trained = TrainedModelResource.trained;
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> get("/q/health/ready").statusCode() == 200);
    }

    @Test
    @Order(1)
    void statusAndMetadataFollowTfServing() throws Exception {
        JsonNode status = json(get("/v1/models/" + trained.name()), 200);
        assertThat(status.path("model_version_status").get(0).path("version").asText())
                .isEqualTo("1");
        assertThat(status.path("model_version_status").get(0).path("state").asText())
                .isEqualTo("AVAILABLE");
        assertThat(status.path("model_version_status")
                        .get(0)
                        .path("status")
                        .path("error_code")
                        .asText())
                .isEqualTo("OK");

        JsonNode metadata = json(get("/v1/models/" + trained.name() + "/versions/1/metadata"), 200);
        assertThat(metadata.path("model_spec").path("version").asText()).isEqualTo("1");
        JsonNode defs = metadata.path("metadata").path("signature_def").path("signature_def");
        assertThat(defs.path("serving_default")
                        .path("inputs")
                        .path("history")
                        .path("dtype")
                        .asText())
                .isEqualTo("DT_INT64");
        assertThat(defs.path("similar_items")
                        .path("outputs")
                        .path("model_version")
                        .path("dtype")
                        .asText())
                .isEqualTo("DT_INT64");

        assertThat(json(get("/v1/models/" + trained.name() + "/versions/9"), 404)
                        .path("error")
                        .asText())
                .contains("version 9");
        assertThat(json(get("/v1/models/no-such-model"), 404).path("error").asText())
                .isEqualTo("Servable not found for request: Latest(no-such-model)");

        // The version warmed up with a few hundred requests before it became AVAILABLE; none of them is in the
        // stage histograms, which only count what clients asked (none so far).
        String metrics = get("/q/metrics").body();
        assertThat(stageCount(metrics, "tower")).isZero();
        assertThat(stageCount(metrics, "search")).isZero();
        assertThat(stageCount(metrics, "total")).isZero();
    }

    private static double stageCount(String metrics, String stage) {
        return metrics.lines()
                .filter(line -> line.startsWith("tandem_serving_stage_seconds_count{")
                        && line.contains("stage=\"" + stage + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + stage + " stage count in /q/metrics"));
    }

    @Test
    @Order(2)
    void predictRanksLikeTheModelsExactInnerProduct() throws Exception {
        JsonNode reply = json(
                post(
                        "/v1/models/" + trained.name() + ":predict",
                        "{\"instances\": [{\"history\": " + Arrays.toString(HISTORY)
                                + ", \"exclude\": [7, 8], \"k\": 10}]}"),
                200);
        JsonNode prediction = reply.path("predictions").get(0);
        assertThat(prediction.path("model_version").asLong()).isEqualTo(1);
        long[] ids = longs(prediction.path("item_ids"));
        assertThat(ids).hasSize(10).doesNotContain(3, 17, 42, 99, 150, 7, 8);
        float[] scores = floats(prediction.path("scores"));
        for (int i = 1; i < scores.length; i++) {
            assertThat(scores[i]).isLessThanOrEqualTo(scores[i - 1]);
        }

        Expected expected = Expected.of(trained.bundle(1), HISTORY, new long[] {7, 8}, 10);
        assertThat(overlap(ids, expected.ids()))
                .as("recall@10 against exact search")
                .isGreaterThanOrEqualTo(9);
        for (int i = 0; i < ids.length; i++) {
            assertThat(scores[i]).isCloseTo(expected.innerProduct(ids[i]), org.assertj.core.data.Offset.offset(1e-3f));
        }

        // The columnar form answers the same.
        JsonNode columnar = json(
                post(
                        "/v1/models/" + trained.name() + "/versions/1:predict",
                        "{\"inputs\": {\"history\": [" + Arrays.toString(HISTORY)
                                + "], \"exclude\": [[7, 8]], \"k\": 10}}"),
                200);
        assertThat(longs(columnar.path("outputs").path("item_ids").get(0))).containsExactly(ids);
        assertThat(columnar.path("outputs").path("model_version").get(0).asLong())
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void similarItemsThroughASignatureAndAPlainRoute() throws Exception {
        JsonNode viaPredict = json(
                post(
                        "/v1/models/" + trained.name() + ":predict",
                        "{\"signature_name\": \"similar_items\", \"instances\": [{\"item_id\": 42, \"exclude\": [1], \"k\": 5}]}"),
                200);
        long[] ids = longs(viaPredict.path("predictions").get(0).path("item_ids"));
        assertThat(ids).hasSize(5).doesNotContain(42, 1);

        JsonNode viaRoute = json(get("/tandem/v1/models/" + trained.name() + "/items/42/similar?k=5&exclude=1"), 200);
        assertThat(longs(viaRoute.path("itemIds"))).containsExactly(ids);
        assertThat(viaRoute.path("modelVersion").asLong()).isEqualTo(1);

        assertThat(json(get("/tandem/v1/models/" + trained.name() + "/items/987654/similar"), 404)
                        .path("error")
                        .asText())
                .contains("987654");
    }

    @Test
    @Order(4)
    void badRequestsGetTfServingErrorsAndHarmNothing() throws Exception {
        String predict = "/v1/models/" + trained.name() + ":predict";
        assertThat(json(post(predict, "{not json"), 400).path("error").asText()).startsWith("JSON Parse error");
        assertThat(json(post(predict, "{\"instances\": [{\"history\": [1, \"x\"]}]}"), 400)
                        .path("error")
                        .asText())
                .contains("history[1]");
        assertThat(json(post(predict, "{\"instances\": [{\"history\": [123456789]}]}"), 400)
                        .path("error")
                        .asText())
                .contains("unknown item ids in history: 123456789");
        assertThat(json(post(predict, "{\"instances\": [{\"history\": [1], \"k\": 0}]}"), 400)
                        .path("error")
                        .asText())
                .contains("k must be between 1 and");
        assertThat(json(post(predict, "{\"instances\": [{\"history\": [1], \"k\": 100000}]}"), 400)
                        .path("error")
                        .asText())
                .contains("k must be between 1 and");
        assertThat(json(post(predict, "{\"instances\": [{\"histories\": [1]}]}"), 400)
                        .path("error")
                        .asText())
                .contains("unknown input 'histories'");
        assertThat(json(post(predict, "{}"), 400).path("error").asText()).contains("'instances'");
        assertThat(json(post(predict, "{\"signature_name\": \"nope\", \"instances\": [[1]]}"), 400)
                        .path("error")
                        .asText())
                .contains("nope");
        String oversized = "{\"instances\": [" + "[1,2,3],".repeat(700_000) + "[1]]}";
        assertThat(json(post(predict, oversized), 413).path("error").asText()).contains("at most");

        // Still serving, same answers.
        JsonNode after = json(post(predict, "{\"instances\": [" + Arrays.toString(HISTORY) + "]}"), 200);
        assertThat(after.path("predictions").get(0).path("item_ids")).hasSize(10);
        assertThat(get("/q/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void tenSwapsUnderConstantLoadFailNothingAndNeverMixVersions() throws Exception {
        Expected[] expected = {
            null,
            Expected.of(trained.bundle(1), HISTORY, new long[0], 10),
            Expected.of(trained.bundle(2), HISTORY, new long[0], 10)
        };
        // A pair's scores are its own tower's vector times its own item vectors; a response mixing a tower
        // of one version with items of the other would carry scores that match neither.
        assertThat(Math.abs(expected[1].innerProduct(expected[1].ids()[0])
                        - expected[2].innerProduct(expected[1].ids()[0])))
                .as("the two versions must score differently for mixing to be visible")
                .isGreaterThan(1e-2f);

        String predict = "/v1/models/" + trained.name() + ":predict";
        String body = "{\"instances\": [" + Arrays.toString(HISTORY) + "]}";
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Set<Long> versionsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = post(predict, body);
                        if (r.statusCode() != 200) {
                            failures.add(r.statusCode() + " " + r.body());
                            continue;
                        }
                        JsonNode p = JSON.readTree(r.body()).path("predictions").get(0);
                        int version = p.path("model_version").asInt();
                        versionsSeen.add((long) version);
                        long[] ids = longs(p.path("item_ids"));
                        float[] scores = floats(p.path("scores"));
                        if (overlap(ids, expected[version].ids()) < 9 || !scoredBy(expected[version], ids, scores)) {
                            failures.add("version " + version + " answered " + Arrays.toString(ids) + " "
                                    + Arrays.toString(scores));
                        }
                        answered.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        try {
            for (int swap = 0; swap < 10; swap++) {
                int next = swap % 2 == 0 ? 2 : 1;
                HttpResponse<String> load = post(
                        "/tandem/v1/models/" + trained.name() + "/versions",
                        "{\"bundle\": \"" + trained.uri(next) + "\"}");
                assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
                int previous = 3 - next;
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> stateOf(previous).equals("END"));
                assertThat(stateOf(next)).isEqualTo("AVAILABLE");
            }
        } finally {
            running.set(false);
            for (Thread t : clients) {
                t.join();
            }
        }
        assertThat(failures).isEmpty();
        assertThat(versionsSeen).containsExactlyInAnyOrder(1L, 2L);
        assertThat(answered.get()).isGreaterThan(100);
    }

    @Test
    @Order(6)
    void labelsPointOnlyAtAvailableVersions() throws Exception {
        String admin = "/tandem/v1/models/" + trained.name() + "/labels/stable";
        HttpResponse<String> refused = put(admin, "{\"version\": 2}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).contains("not available");
        assertThat(put(admin, "{\"version\": 1}").statusCode()).isEqualTo(200);
        JsonNode byLabel = json(
                post(
                        "/v1/models/" + trained.name() + "/labels/stable:predict",
                        "{\"instances\": [" + Arrays.toString(HISTORY) + "]}"),
                200);
        assertThat(byLabel.path("predictions").get(0).path("model_version").asLong())
                .isEqualTo(1);
        assertThat(json(get("/v1/models/" + trained.name() + "/labels/canary"), 404)
                        .path("error")
                        .asText())
                .contains("canary");
    }

    @Test
    @Order(7)
    void aPairWhoseIndexIsOfAnotherVersionNeverGoesLive() throws Exception {
        java.nio.file.Path index = TrainedModelResource.dir.resolve("index-v1");
        int built = dev.tandem.serving.cli.ServingCli.commandLine()
                .execute(
                        "build-index",
                        "--bundle",
                        trained.bundle(1).toString(),
                        "--out",
                        index.toString(),
                        "--probe-queries",
                        "50");
        assertThat(built).isZero();
        long servingBefore = json(
                        post(
                                "/v1/models/" + trained.name() + ":predict",
                                "{\"instances\": [" + Arrays.toString(HISTORY) + "]}"),
                        200)
                .path("predictions")
                .get(0)
                .path("model_version")
                .asLong();

        HttpResponse<String> refused = post(
                "/tandem/v1/models/" + trained.name() + "/versions",
                "{\"bundle\": \"" + trained.uri(2) + "\", \"index\": \"" + index + "\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(412);
        assertThat(JSON.readTree(refused.body()).path("error").asText())
                .contains("the index was built from " + trained.name() + " version 1");
        JsonNode after = json(
                post(
                        "/v1/models/" + trained.name() + ":predict",
                        "{\"instances\": [" + Arrays.toString(HISTORY) + "]}"),
                200);
        assertThat(after.path("predictions").get(0).path("model_version").asLong())
                .isEqualTo(servingBefore);
    }

    /** The exact answer for a history: the bundle's own tower in TensorFlow and a full scan of its items. */
    private record Expected(long[] ids, ItemEmbeddings items, float[] user) {

        static Expected of(java.nio.file.Path bundleDir, long[] history, long[] exclude, int k) throws Exception {
            VerifiedBundle bundle = BundleReader.verify(bundleDir);
            ItemEmbeddings items = bundle.embeddings();
            int length = bundle.manifest().tower().historyLength();
            long[] input = new long[length];
            Set<Integer> skip = new HashSet<>();
            for (int i = 0; i < history.length; i++) {
                int row = rowOf(items, history[i]);
                input[length - history.length + i] = row + 1;
                skip.add(row);
            }
            for (long id : exclude) {
                skip.add(rowOf(items, id));
            }
            float[] user;
            try (SavedModelTower tower = new SavedModelTower(bundle.savedModelDir(), length, items.dim())) {
                user = tower.userVectors(input, 1);
            }
            int[] rows = ProbeRecall.exactTopK(items, user, k + skip.size());
            long[] ids = Arrays.stream(rows)
                    .filter(r -> !skip.contains(r))
                    .limit(k)
                    .mapToLong(items::id)
                    .toArray();
            return new Expected(ids, items, user);
        }

        float innerProduct(long id) {
            return items.dot(user, rowOf(items, id));
        }

        private static int rowOf(ItemEmbeddings items, long id) {
            for (int r = 0; r < items.count(); r++) {
                if (items.id(r) == id) {
                    return r;
                }
            }
            throw new IllegalArgumentException("no item " + id);
        }
    }

    private static boolean scoredBy(Expected expected, long[] ids, float[] scores) {
        for (int i = 0; i < ids.length; i++) {
            if (Math.abs(scores[i] - expected.innerProduct(ids[i])) > 1e-3f) {
                return false;
            }
        }
        return true;
    }

    private static String stateOf(int version) throws Exception {
        JsonNode status = JSON.readTree(
                get("/v1/models/" + trained.name() + "/versions/" + version).body());
        return status.path("model_version_status").path(0).path("state").asText();
    }

    private static int overlap(long[] a, long[] b) {
        Set<Long> set = new HashSet<>();
        for (long x : b) {
            set.add(x);
        }
        int n = 0;
        for (long x : a) {
            if (set.contains(x)) {
                n++;
            }
        }
        return n;
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(
                request.header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
