/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.PairRef;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutPhase;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutReason;
import dev.tandem.api.crd.v1alpha1.rollout.SwapRecord;
import dev.tandem.api.crd.v1alpha1.rollout.SwapResult;
import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.mlflow.ModelRegistry;
import dev.tandem.mlflow.ModelVersion;
import dev.tandem.operator.it.OperatorProcess;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformExtension;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.MergePatch;
import dev.tandem.testing.TestNamespace;
import dev.tandem.testing.node.LocalNode;
import dev.tandem.testing.node.NodeTrainedModel;
import dev.tandem.testing.node.ServingPods;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Blue/green swaps of real pairs: models the trainer registered in MLflow, indexes built by RecIndex Jobs and serving
 * pods run by the local node, analysed by the operator over HTTP. Each test trains a model of its own, because swaps
 * change the model's stages and aliases in the registry.
 */
@LocalPlatformTest
class RolloutSwapIT {

    private static final Duration PATIENCE = LocalNode.PATIENCE;
    private static OperatorProcess operator;

    @BeforeAll
    static void startOperator() {
        LocalNode.up();
        operator = OperatorProcess.start(
                LocalPlatformExtension.platform(),
                Map.of("tandem.operator.progress-interval", "1s", "tandem.operator.resync-interval", "5s"));
    }

    /** The selector watches of the test that ran; they end with it. */
    private final List<Watch> watches = new ArrayList<>();

    @AfterEach
    void closeWatches() {
        watches.forEach(Watch::close);
    }

    @AfterAll
    static void stopOperator() {
        if (operator != null) {
            operator.close();
        }
    }

    @Test
    void aSwapPromotesTheNewPairAndMlflowRecordsIt(LocalPlatform platform, KubernetesClient client, TestNamespace ns)
            throws Exception {
        NodeTrainedModel.Model model = NodeTrainedModel.fresh(platform);
        NodePairs.pair(client, ns.name(), model, 1, "movies-v1");
        NodePairs.pair(client, ns.name(), model, 2, "movies-v2");
        client.resource(NodePairs.rollout(ns.name(), "movies", "movies-v1")).create();
        Rollout first = awaitRollout(client, ns, "movies", r -> r.getStatus().getPhase() == RolloutPhase.Healthy);
        String firstPair = first.getStatus().getActive().getPair();
        assertThat(firstPair).startsWith("v1-");
        assertThat(ServingPods.state(HttpClient.newHttpClient(), onlyPodIp(client, ns, firstPair), 8501, model.name()))
                .contains(new ServingPods.VersionState(1, "AVAILABLE"));
        ModelRegistry registry = registry(model);
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(registry.version(model.name(), "1").aliases())
                                .contains("champion"));

        List<String> selectors = watchActiveSelector(client, ns, "movies-api");
        switchPair(client, ns, "movies", "movies-v2");

        Rollout swapped = awaitRollout(
                client,
                ns,
                "movies",
                r -> r.getStatus().getActive() != null
                        && r.getStatus().getActive().getPair().startsWith("v2-")
                        && r.getStatus().getPhase() == RolloutPhase.Healthy);

        assertThat(swapped.getStatus().getActive().getColour()).isEqualTo(Colour.GREEN);
        SwapRecord promoted = swapped.getStatus().getHistory().getFirst();
        assertThat(promoted.getResult()).isEqualTo(SwapResult.Promoted);
        assertThat(promoted.getReason()).isEqualTo("AnalysisPassed");
        assertThat(promoted.getReplaced()).isEqualTo(firstPair);
        var analysis = swapped.getStatus().getLastAnalysis();
        assertThat(analysis.isPassed()).isTrue();
        assertThat(analysis.getRecallAt10()).isGreaterThanOrEqualTo(0.9);
        assertThat(analysis.getSmokeQueries()).isEqualTo(50);
        assertThat(analysis.getVersionsSeen()).containsExactly("2");
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(ns.name())
                        .withName("movies-blue")
                        .get())
                .as("the old pair is removed after the scale-down delay")
                .isNull();
        assertThat(client.services()
                        .inNamespace(ns.name())
                        .withName("movies-api-preview")
                        .get())
                .isNull();
        assertThat(selectors).as("the Service's colour over the swap").containsExactly("blue", "green");
        assertThat(ServingPods.state(
                        HttpClient.newHttpClient(),
                        onlyPodIp(client, ns, swapped.getStatus().getActive().getPair()),
                        8501,
                        model.name()))
                .contains(new ServingPods.VersionState(2, "AVAILABLE"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            ModelVersion v2 = registry.version(model.name(), "2");
            ModelVersion v1 = registry.version(model.name(), "1");
            assertThat(v2.aliases()).contains("champion");
            assertThat(v2.stage()).isEqualTo("Production");
            assertThat(v1.stage()).isEqualTo("Archived");
            assertThat(v1.tags()).containsEntry(MlflowTags.ARCHIVE_REASON, "replaced by version 2");
        });
        assertThat(metrics())
                .contains("tandem_operator_swaps_promoted_total")
                .contains("tandem_operator_swaps_started_total");
        assertThat(eventReasons(client, ns))
                .contains(
                        RolloutReason.SwapStarted.name(),
                        RolloutReason.AnalysisStarted.name(),
                        RolloutReason.Promoted.name(),
                        RolloutReason.PairRemoved.name());
    }

    @Test
    void aCandidateThatFailsItsAnalysisIsAbortedAndArchivedAndTheLivePairIsUntouched(
            LocalPlatform platform, KubernetesClient client, TestNamespace ns) throws Exception {
        NodeTrainedModel.Model model = NodeTrainedModel.fresh(platform);
        NodePairs.pair(client, ns.name(), model, 1, "movies-v1");
        // A graph of degree 2 searched with no overquery misses neighbours that exact search finds, and the
        // analysis asks for perfect recall: the candidate must fail on recall.
        NodePairs.pair(client, ns.name(), model, 2, "movies-v2", index -> {
            index.getHnsw().setMaxDegree(2);
            index.getHnsw().setBeamWidth(2);
            index.getHnsw().setOverquery(1);
        });
        Rollout rollout = NodePairs.rollout(ns.name(), "movies", "movies-v1");
        rollout.getSpec().getStrategy().getBlueGreen().getAnalysis().setMinRecallAt10(1.0);
        client.resource(rollout).create();
        String livePair = awaitRollout(client, ns, "movies", r -> r.getStatus().getPhase() == RolloutPhase.Healthy)
                .getStatus()
                .getActive()
                .getPair();
        List<String> selectors = watchActiveSelector(client, ns, "movies-api");

        switchPair(client, ns, "movies", "movies-v2");
        Rollout aborted = awaitRollout(client, ns, "movies", r -> r.getStatus().getPhase() == RolloutPhase.Aborted);

        assertThat(aborted.getStatus().getActive().getPair()).isEqualTo(livePair);
        assertThat(aborted.getStatus().getActive().getColour()).isEqualTo(Colour.BLUE);
        assertThat(aborted.getStatus().getLastAnalysis().getReason()).isEqualTo("RecallTooLow");
        assertThat(aborted.getStatus().getLastAnalysis().getRecallAt10()).isLessThan(1.0);
        assertThat(aborted.getStatus().getRejected().getPair()).startsWith("v2-");
        assertThat(aborted.getStatus().condition("Degraded").orElseThrow().getReason())
                .isEqualTo("AnalysisFailed");
        assertThat(aborted.getStatus().isTrue("Ready"))
                .as("the live pair still serves")
                .isTrue();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client.apps()
                                .deployments()
                                .inNamespace(ns.name())
                                .withName("movies-green")
                                .get())
                        .as("the candidate is removed")
                        .isNull());
        assertThat(selectors).containsExactly("blue");
        assertThat(ServingPods.state(HttpClient.newHttpClient(), onlyPodIp(client, ns, livePair), 8501, model.name()))
                .contains(new ServingPods.VersionState(1, "AVAILABLE"));

        ModelRegistry registry = registry(model);
        await().atMost(PATIENCE).untilAsserted(() -> {
            ModelVersion v2 = registry.version(model.name(), "2");
            assertThat(v2.stage()).isEqualTo("Archived");
            assertThat(v2.tags().get(MlflowTags.ARCHIVE_REASON)).startsWith("AnalysisFailed");
            assertThat(registry.version(model.name(), "1").stage()).isEqualTo("Production");
        });
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client.resources(RecModel.class)
                                .inNamespace(ns.name())
                                .withName("movies-v2")
                                .get()
                                .getStatus()
                                .getArchived())
                        .as("the RecModel sees the version archived")
                        .isNotNull());
        assertThat(eventReasons(client, ns)).contains("AnalysisFailed");
        assertThat(metrics()).contains("tandem_operator_swaps_aborted_total");
    }

    @Test
    void anOperatorKilledMidSwapResumesAndFlipsTheServiceOnce(
            LocalPlatform platform, KubernetesClient client, TestNamespace ns) {
        NodeTrainedModel.Model model = NodeTrainedModel.fresh(platform);
        NodePairs.pair(client, ns.name(), model, 1, "movies-v1");
        NodePairs.pair(client, ns.name(), model, 2, "movies-v2");
        client.resource(NodePairs.rollout(ns.name(), "movies", "movies-v1")).create();
        awaitRollout(client, ns, "movies", r -> r.getStatus().getPhase() == RolloutPhase.Healthy);
        // Wait for the candidate's index first, so that the kill lands while the swap runs.
        await().atMost(PATIENCE)
                .until(() -> client.resources(dev.tandem.api.crd.v1alpha1.recindex.RecIndex.class)
                        .inNamespace(ns.name())
                        .withName("movies-v2-index")
                        .get()
                        .getStatus()
                        .isTrue("Ready"));
        List<String> selectors = watchActiveSelector(client, ns, "movies-api");

        switchPair(client, ns, "movies", "movies-v2");
        awaitRollout(client, ns, "movies", r -> r.getStatus().getPreview() != null);
        operator.kill();
        // The swap goes on without the operator: the candidate's pods start; nothing decides.
        awaitPause(Duration.ofSeconds(5));
        operator.restart();

        Rollout done = awaitRollout(
                client,
                ns,
                "movies",
                r -> r.getStatus().getActive().getPair().startsWith("v2-")
                        && r.getStatus().getPhase() == RolloutPhase.Healthy);

        assertThat(done.getStatus().getHistory())
                .filteredOn(
                        r -> r.getResult() == SwapResult.Promoted && r.getPair().startsWith("v2-"))
                .hasSize(1);
        assertThat(selectors).containsExactly("blue", "green");
        assertThat(client.apps().deployments().inNamespace(ns.name()).list().getItems())
                .extracting(d -> d.getMetadata().getName())
                .containsExactly("movies-green");
    }

    @Test
    void withoutAutoPromotionTheCandidateWaitsUntilAPersonPromotesIt(
            LocalPlatform platform, KubernetesClient client, TestNamespace ns) {
        NodeTrainedModel.Model model = NodeTrainedModel.fresh(platform);
        NodePairs.pair(client, ns.name(), model, 1, "movies-v1");
        NodePairs.pair(client, ns.name(), model, 2, "movies-v2");
        Rollout rollout = NodePairs.rollout(ns.name(), "movies", "movies-v1");
        rollout.getSpec().getStrategy().getBlueGreen().setAutoPromotion(false);
        client.resource(rollout).create();
        awaitRollout(client, ns, "movies", r -> r.getStatus().getPhase() == RolloutPhase.Healthy);

        switchPair(client, ns, "movies", "movies-v2");
        Rollout waiting =
                awaitRollout(client, ns, "movies", r -> r.getStatus().getPhase() == RolloutPhase.AwaitingPromotion);
        String candidate = waiting.getStatus().getPreview().getPair();
        assertThat(waiting.getStatus().getLastAnalysis().isPassed()).isTrue();
        assertThat(waiting.getStatus().getActive().getPair()).startsWith("v1-");
        assertThat(selector(client, ns, "movies-api")).containsEntry("tandem.dev/colour", "blue");
        assertThat(selector(client, ns, "movies-api-preview"))
                .as("the candidate is reachable for a look before it is promoted")
                .containsEntry("tandem.dev/colour", "green");

        MergePatch.apply(
                client,
                Rollout.class,
                ns.name(),
                "movies",
                Map.of("metadata", Map.of("annotations", Map.of(Rollout.PROMOTE_ANNOTATION, candidate))));

        Rollout promoted = awaitRollout(
                client, ns, "movies", r -> r.getStatus().getActive().getPair().equals(candidate));
        assertThat(promoted.getStatus().getHistory().getFirst().getReason()).isEqualTo("ManualPromotion");
        // The decision is written to status first and the Service follows it in the same reconcile: wait for it.
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(selector(client, ns, "movies-api")).containsEntry("tandem.dev/colour", "green"));
    }

    private static void switchPair(KubernetesClient client, TestNamespace ns, String rollout, String pair) {
        MergePatch.apply(
                client,
                Rollout.class,
                ns.name(),
                rollout,
                Map.of("spec", Map.of("pair", new PairRef(pair, pair + "-index"))));
    }

    private static Rollout awaitRollout(
            KubernetesClient client, TestNamespace ns, String name, Predicate<Rollout> done) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> client.resources(Rollout.class)
                                .inNamespace(ns.name())
                                .withName(name)
                                .get(),
                        r -> r != null && r.getStatus() != null && r.getStatus().getPhase() != null && done.test(r));
    }

    /** The colours the Service's selector takes from now on, each change once. */
    private static Map<String, String> selector(KubernetesClient client, TestNamespace ns, String service) {
        return client.services()
                .inNamespace(ns.name())
                .withName(service)
                .get()
                .getSpec()
                .getSelector();
    }

    private List<String> watchActiveSelector(KubernetesClient client, TestNamespace ns, String service) {
        List<String> colours = Collections.synchronizedList(new ArrayList<>());
        Watch watch = client.services().inNamespace(ns.name()).withName(service).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Service s) {
                String colour = s.getSpec().getSelector().get("tandem.dev/colour");
                synchronized (colours) {
                    if (colours.isEmpty() || !colours.getLast().equals(colour)) {
                        colours.add(colour);
                    }
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                // The test ends the watch with its namespace.
            }
        });
        watches.add(watch);
        return colours;
    }

    private static String onlyPodIp(KubernetesClient client, TestNamespace ns, String pair) {
        return await().atMost(PATIENCE)
                .until(
                        () ->
                                client
                                        .pods()
                                        .inNamespace(ns.name())
                                        .withLabel("tandem.dev/pair", pair)
                                        .list()
                                        .getItems()
                                        .stream()
                                        .filter(LocalNode::podReady)
                                        .map(p -> p.getStatus().getPodIP())
                                        .findFirst()
                                        .orElse(null),
                        ip -> ip != null);
    }

    private static ModelRegistry registry(NodeTrainedModel.Model model) {
        return new ModelRegistry(new MlflowRestClient(URI.create(model.mlflow()), HttpClient.newHttpClient()));
    }

    private static List<String> eventReasons(KubernetesClient client, TestNamespace ns) {
        return client.v1().events().inNamespace(ns.name()).list().getItems().stream()
                .filter(e -> "Rollout".equals(e.getInvolvedObject().getKind()))
                .map(e -> e.getReason())
                .toList();
    }

    private static String metrics() throws java.io.IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(operator.metrics()).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    private static void awaitPause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
