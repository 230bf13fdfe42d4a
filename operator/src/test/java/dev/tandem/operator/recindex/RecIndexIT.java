/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.api.crd.v1alpha1.common.ArchiveRecord;
import dev.tandem.api.crd.v1alpha1.recindex.IndexPhase;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexSpec;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexStatus;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelStatus;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutStatus;
import dev.tandem.api.crd.v1alpha1.rollout.ServedPair;
import dev.tandem.bundle.BundleLayout;
import dev.tandem.bundle.IndexLayout;
import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.mlflow.ModelRegistry;
import dev.tandem.operator.LocalPlatformResource;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.MergePatch;
import dev.tandem.testing.TestNamespace;
import dev.tandem.testing.node.JobRuns;
import dev.tandem.testing.node.LocalNode;
import dev.tandem.testing.node.NodeTrainedModel;
import dev.tandem.testing.node.ServingPods;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged operator builds indexes of a model version the trainer really wrote into the platform's MLflow, with
 * build Jobs that really run {@code build-index} on the local node; status is filled from the Jobs' termination
 * messages, and the indexes land where serving loads them.
 *
 * <p>The RecModel reconciler is not part of this operator yet, so each test creates its RecModel without the operator
 * instance label (no operator acts on it) and writes its status itself, as that reconciler would: the real resolved
 * version, the version's artifact URI from the registry and the bundle's checksums from its manifest.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = true)
@LocalPlatformTest
class RecIndexIT {

    private static final Duration PATIENCE = LocalNode.PATIENCE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    /** What the registry and the bundle's manifest say of one trained version. */
    private record TrainedVersion(
            NodeTrainedModel.Model model, String version, String artifactUri, Map<String, String> checksums) {}

    @BeforeAll
    static void node() {
        LocalNode.up();
    }

    @Test
    void buildsTheIndexOfATrainedVersionWhereServingLoadsIt(
            LocalPlatform platform, KubernetesClient client, TestNamespace ns) throws Exception {
        TrainedVersion v1 = trained(platform, "1");
        readyModel(client, ns, "movies", v1, v1.version());
        client.resource(recIndex(ns, "movies-index", "movies")).create();

        RecIndex built = awaitIndex(client, ns, "movies-index", i -> phase(i) == IndexPhase.Built);

        var status = built.getStatus();
        assertThat(status.getModelName()).isEqualTo(v1.model().name());
        assertThat(status.getModelVersion()).isEqualTo("1");
        assertThat(status.getEmbeddingsSha256()).isEqualTo(v1.checksums().get(BundleLayout.ITEM_VECTORS));
        assertThat(status.getItems()).isPositive();
        assertThat(status.getDims()).isEqualTo(16);
        assertThat(status.getProbeRecall()).isGreaterThan(0.9);
        assertThat(status.getProbeQueries()).isEqualTo(1000);
        assertThat(status.getBuildSeconds()).isPositive();
        assertThat(status.getBuildKey()).matches("[0-9a-f]{16}");
        assertThat(status.getLocation())
                .isEqualTo(parent(v1.artifactUri()) + "/tandem-indexes/" + ns.name() + "/movies-index-"
                        + status.getBuildKey());
        assertThat(Instant.parse(status.getBuiltAt())).isBefore(Instant.now().plusSeconds(5));
        assertThat(status.getObservedGeneration()).isEqualTo(built.getMetadata().getGeneration());
        assertThat(built.getStatus().isTrue("Ready")).isTrue();
        assertThat(built.getStatus().condition("Degraded").orElseThrow().getStatus())
                .isEqualTo("False");

        Job job = client.batch()
                .v1()
                .jobs()
                .inNamespace(ns.name())
                .withName(status.getJobName())
                .get();
        assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
            assertThat(o.getKind()).isEqualTo("RecIndex");
            assertThat(o.getName()).isEqualTo("movies-index");
        });
        assertThat(job.getMetadata().getLabels()).containsEntry("tandem.dev/recindex", "movies-index");
        assertThat(job.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .getArgs())
                .contains("models:/" + v1.model().name() + "/1", "--upload", status.getLocation());
        assertThat(indexFiles(platform, status.getLocation()))
                .containsExactlyInAnyOrder(IndexLayout.MANIFEST, IndexLayout.GRAPH);
        assertThat(eventReasons(client, ns, "movies-index")).contains("BuildStarted", "Built");

        // A serving pod given the recorded location downloads, verifies and maps that index, and its own probe
        // measures the recall status reports (the same probe vectors, seeded by their count).
        Pod serving = client.resource(ServingPods.pod(
                        ns.name(),
                        "serving",
                        ServingPods.container(v1.model(), 1, Map.of("TANDEM_INDEX", status.getLocation()))))
                .create();
        Pod ready = await().atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> client.pods()
                                .inNamespace(ns.name())
                                .withName(serving.getMetadata().getName())
                                .get(),
                        p -> p != null && LocalNode.podReady(p));
        JsonNode probe = JSON.readTree(http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://" + ready.getStatus().getPodIP() + ":"
                                                + ServingPods.HTTP_PORT + "/tandem/v1/models/"
                                                + v1.model().name()
                                                + "/versions/1/probe-recall?queries=1000"))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(probe.path("recall").asDouble())
                .as(
                        "probe recall of the served pair: %s; serving log:\n%s",
                        probe, LocalNode.containerLog(ready, "server"))
                .isCloseTo(status.getProbeRecall(), within(1e-9));
    }

    @Test
    void aVersionWithoutABundleFailsWithItsReasonAndIsNotRetried(
            LocalPlatform platform, KubernetesClient client, TestNamespace ns) throws Exception {
        TrainedVersion v1 = trained(platform, "1");
        // The registry has no version 99: build-index exits 2 (BundleNotFound), which fails the Job at once.
        readyModel(client, ns, "movies", v1, "99");
        client.resource(recIndex(ns, "missing", "movies")).create();
        RecIndex foreign = recIndex(ns, "foreign", "movies");
        foreign.getMetadata().setLabels(Map.of());
        client.resource(foreign).create();

        RecIndex failed = awaitIndex(client, ns, "missing", i -> phase(i) == IndexPhase.Failed);

        var degraded = failed.getStatus().condition("Degraded").orElseThrow();
        assertThat(degraded.getStatus()).isEqualTo("True");
        assertThat(degraded.getReason()).isEqualTo("BundleNotFound");
        assertThat(degraded.getMessage()).contains("99");
        assertThat(failed.getStatus().condition("Ready").orElseThrow().getReason())
                .isEqualTo("BundleNotFound");
        assertThat(failed.getStatus().getLocation()).isNull();
        Job job = client.batch()
                .v1()
                .jobs()
                .inNamespace(ns.name())
                .withName(failed.getStatus().getJobName())
                .get();
        assertThat(job.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Failed");
            assertThat(c.getReason()).isEqualTo("PodFailurePolicy");
        });
        assertThat(JobRuns.pods(client, ns.name(), job.getMetadata().getName()))
                .as("invalid input is not retried")
                .hasSize(1);
        assertThat(warnings(client, ns, "missing")).contains("BundleNotFound");
        RecIndexStatus untouched = client.resources(RecIndex.class)
                .inNamespace(ns.name())
                .withName("foreign")
                .get()
                .getStatus();
        assertThat(untouched == null ? null : untouched.getObservedGeneration())
                .as("a RecIndex without this operator's instance label is another operator's")
                .isNull();
    }

    @Test
    void aSpecChangeBuildsANewIndexBesideTheOldOne(LocalPlatform platform, KubernetesClient client, TestNamespace ns)
            throws Exception {
        TrainedVersion v1 = trained(platform, "1");
        readyModel(client, ns, "movies", v1, v1.version());
        client.resource(recIndex(ns, "movies-index", "movies")).create();
        RecIndex first = awaitIndex(client, ns, "movies-index", i -> phase(i) == IndexPhase.Built);
        String firstKey = first.getStatus().getBuildKey();
        String firstLocation = first.getStatus().getLocation();

        MergePatch.apply(
                client,
                RecIndex.class,
                ns.name(),
                "movies-index",
                Map.of("spec", Map.of("hnsw", Map.of("maxDegree", 16, "beamWidth", 100))));
        RecIndex building = awaitIndex(
                client, ns, "movies-index", i -> !firstKey.equals(i.getStatus().getBuildKey()));
        assertThat(building.getStatus().getPhase()).isIn(IndexPhase.Building, IndexPhase.Built);
        if (building.getStatus().getPhase() == IndexPhase.Building) {
            assertThat(building.getStatus().getLocation())
                    .as("the last built index stays recorded while the new one builds")
                    .isEqualTo(firstLocation);
        }

        RecIndex second = awaitIndex(
                client,
                ns,
                "movies-index",
                i -> phase(i) == IndexPhase.Built
                        && !firstKey.equals(i.getStatus().getBuildKey()));

        assertThat(second.getStatus().getLocation())
                .isNotEqualTo(firstLocation)
                .endsWith(second.getStatus().getBuildKey());
        assertThat(second.getStatus().getModelVersion()).isEqualTo("1");
        assertThat(second.getStatus().getProbeRecall()).isGreaterThan(0.8);
        assertThat(second.getStatus().getObservedGeneration()).isEqualTo(2L);
        assertThat(indexFiles(platform, firstLocation))
                .as("the old index is untouched")
                .containsExactlyInAnyOrder(IndexLayout.MANIFEST, IndexLayout.GRAPH);
        assertThat(indexFiles(platform, second.getStatus().getLocation()))
                .containsExactlyInAnyOrder(IndexLayout.MANIFEST, IndexLayout.GRAPH);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client.batch()
                                .v1()
                                .jobs()
                                .inNamespace(ns.name())
                                .withLabel("tandem.dev/recindex", "movies-index")
                                .list()
                                .getItems())
                        .as("only the current key's Job is kept")
                        .extracting(j -> j.getMetadata().getName())
                        .containsExactly(second.getStatus().getJobName()));

        // Going back to the first parameters asks for the first key again: its Job is gone, and the index it
        // uploaded (which a build never writes over) is found and recorded as it was.
        MergePatch.apply(
                client,
                RecIndex.class,
                ns.name(),
                "movies-index",
                Map.of("spec", Map.of("hnsw", Map.of("maxDegree", 32, "beamWidth", 200))));
        RecIndex reverted = awaitIndex(
                client,
                ns,
                "movies-index",
                i -> i.getStatus().getObservedGeneration() == 3L && phase(i) != IndexPhase.Building);
        assertThat(reverted.getStatus().getPhase())
                .as("status: %s", reverted.getStatus().getConditions())
                .isEqualTo(IndexPhase.Built);
        assertThat(reverted.getStatus().getBuildKey()).isEqualTo(firstKey);
        assertThat(reverted.getStatus().getLocation()).isEqualTo(firstLocation);
        assertThat(reverted.getStatus().getProbeRecall())
                .isEqualTo(first.getStatus().getProbeRecall());
        assertThat(reverted.getStatus().getItems()).isEqualTo(first.getStatus().getItems());
    }

    @Test
    void anArchivedVersionsIndexIsRemovedOnceNoRolloutServesIt(
            LocalPlatform platform, KubernetesClient client, TestNamespace ns) throws Exception {
        TrainedVersion v2 = trained(platform, "2");
        RecModel model = readyModel(client, ns, "movies", v2, v2.version());
        client.resource(recIndex(ns, "movies-index", "movies")).create();
        RecIndex built = awaitIndex(client, ns, "movies-index", i -> phase(i) == IndexPhase.Built);
        String location = built.getStatus().getLocation();
        // A Rollout (no operator acts on it here) whose status serves the index.
        Rollout rollout = servingRollout(client, ns, "home-feed", built);

        model.getStatus()
                .setArchived(new ArchiveRecord(
                        "LostOffline", "lost on recall@50", Instant.now().toString()));
        model.getStatus().setConditions(List.of(condition("Ready", "False", "Archived")));
        client.resource(model).updateStatus();

        RecIndex kept = awaitIndex(
                client,
                ns,
                "movies-index",
                i -> i.getStatus()
                        .condition("Ready")
                        .map(c -> "KeptWhileServed".equals(c.getReason()))
                        .orElse(false));
        assertThat(kept.getStatus().isTrue("Ready")).isTrue();
        assertThat(kept.getStatus().condition("Ready").orElseThrow().getMessage())
                .contains("home-feed");
        assertThat(indexFiles(platform, location)).contains(IndexLayout.MANIFEST);

        client.resource(rollout).delete();

        RecIndex archived = awaitIndex(client, ns, "movies-index", i -> phase(i) == IndexPhase.Archived);
        assertThat(archived.getStatus().condition("Ready").orElseThrow().getReason())
                .isEqualTo("Archived");
        assertThat(archived.getStatus().getLocation()).isNull();
        assertThat(indexFiles(platform, location))
                .as("the index is removed from MLflow")
                .isEmpty();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client.batch()
                                .v1()
                                .jobs()
                                .inNamespace(ns.name())
                                .list()
                                .getItems())
                        .isEmpty());
        assertThat(eventReasons(client, ns, "movies-index")).contains("KeptWhileServed", "Archived");
    }

    // ---- the objects a user would apply ----

    private static RecIndex recIndex(TestNamespace ns, String name, String modelRef) {
        RecIndex index = new RecIndex();
        index.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(ns.name())
                .addToLabels(LocalPlatformResource.INSTANCE_LABEL, LocalPlatformResource.instance())
                .build());
        RecIndexSpec spec = new RecIndexSpec();
        spec.setModelRef(modelRef);
        var build = spec.getBuild();
        // The build pod must run for real, so it goes to the local node, as a user places pods on a node pool.
        build.setNodeSelector(Map.of(LocalNode.LABEL, "true"));
        build.setTolerations(List.of(new TolerationBuilder()
                .withKey(LocalNode.LABEL)
                .withOperator("Exists")
                .withEffect("NoSchedule")
                .build()));
        build.setResources(new ResourceRequirementsBuilder()
                .addToLimits("cpu", new Quantity("1"))
                .addToLimits("memory", new Quantity("1Gi"))
                .build());
        build.setActiveDeadlineSeconds(600);
        index.setSpec(spec);
        return index;
    }

    /**
     * A RecModel in the state the RecModel reconciler leaves a verified version in (see the class comment).
     *
     * @param resolvedVersion the version status names (the trained one, or one the registry lacks)
     */
    private static RecModel readyModel(
            KubernetesClient client, TestNamespace ns, String name, TrainedVersion trained, String resolvedVersion) {
        RecModel model = new RecModel();
        model.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(ns.name()).build());
        RecModelSpec spec = new RecModelSpec();
        spec.setTrackingUri(trained.model().mlflow());
        spec.setRegisteredModel(trained.model().name());
        spec.setVersion(resolvedVersion);
        model.setSpec(spec);
        RecModel created = client.resource(model).create();
        RecModelStatus status = new RecModelStatus();
        status.setObservedGeneration(created.getMetadata().getGeneration());
        status.setResolvedVersion(resolvedVersion);
        status.setArtifactUri(trained.artifactUri());
        status.setChecksums(trained.checksums());
        status.setConditions(List.of(condition("Ready", "True", "Verified")));
        created.setStatus(status);
        return client.resource(created).updateStatus();
    }

    private static Rollout servingRollout(KubernetesClient client, TestNamespace ns, String name, RecIndex index) {
        Rollout rollout = client.resource(client.getKubernetesSerialization()
                        .unmarshal(
                                """
                        apiVersion: tandem.dev/v1alpha1
                        kind: Rollout
                        metadata: {name: %s, namespace: %s}
                        spec:
                          serviceName: %s
                          pair: {modelRef: %s, indexRef: %s}
                        """.formatted(
                                                name,
                                                ns.name(),
                                                name,
                                                index.getSpec().getModelRef(),
                                                index.getMetadata().getName()),
                                Rollout.class))
                .create();
        ServedPair active = new ServedPair();
        active.setPair("v" + index.getStatus().getModelVersion() + "-"
                + index.getStatus().getBuildKey().substring(0, 8));
        active.setModelRef(index.getSpec().getModelRef());
        active.setModelVersion(index.getStatus().getModelVersion());
        active.setIndexRef(index.getMetadata().getName());
        active.setIndexBuildKey(index.getStatus().getBuildKey());
        active.setIndexLocation(index.getStatus().getLocation());
        RolloutStatus status = new RolloutStatus();
        status.setActive(active);
        rollout.setStatus(status);
        return client.resource(rollout).updateStatus();
    }

    private static io.fabric8.kubernetes.api.model.Condition condition(String type, String status, String reason) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage("written by the test")
                .withLastTransitionTime(Instant.now().toString().replaceAll("\\.\\d+Z$", "Z"))
                .withObservedGeneration(1L)
                .build();
    }

    // ---- what the platform says ----

    private TrainedVersion trained(LocalPlatform platform, String version) throws IOException {
        NodeTrainedModel.Model model = NodeTrainedModel.get(platform);
        URI mlflow = URI.create(model.mlflow());
        String source = new ModelRegistry(new MlflowRestClient(mlflow, http))
                .version(model.name(), version)
                .source();
        Path manifest = Files.createTempFile("bundle-manifest", ".json");
        try {
            new MlflowArtifactProxy(mlflow, http).download(source + "/" + BundleLayout.MANIFEST, manifest);
            JsonNode files = JSON.readTree(manifest.toFile()).path("files");
            Map<String, String> checksums = files.properties().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().path("sha256").asText()));
            return new TrainedVersion(model, version, source, checksums);
        } finally {
            Files.deleteIfExists(manifest);
        }
    }

    private List<String> indexFiles(LocalPlatform platform, String location) {
        return new MlflowArtifactProxy(platform.mlflowUrl(), http)
                .list(location).stream()
                        .map(e -> e.path().substring(e.path().lastIndexOf('/') + 1))
                        .toList();
    }

    private static RecIndex awaitIndex(
            KubernetesClient client, TestNamespace ns, String name, Predicate<RecIndex> condition) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .alias("RecIndex " + name)
                .until(
                        () -> client.resources(RecIndex.class)
                                .inNamespace(ns.name())
                                .withName(name)
                                .get(),
                        i -> i != null && i.getStatus() != null && condition.test(i));
    }

    private static IndexPhase phase(RecIndex index) {
        return index.getStatus().getPhase();
    }

    private static List<String> eventReasons(KubernetesClient client, TestNamespace ns, String name) {
        return events(client, ns, name).stream().map(Event::getReason).toList();
    }

    private static List<String> warnings(KubernetesClient client, TestNamespace ns, String name) {
        return events(client, ns, name).stream()
                .filter(e -> "Warning".equals(e.getType()))
                .map(Event::getReason)
                .toList();
    }

    private static List<Event> events(KubernetesClient client, TestNamespace ns, String name) {
        return client.v1().events().inNamespace(ns.name()).list().getItems().stream()
                .filter(e -> "RecIndex".equals(e.getInvolvedObject().getKind())
                        && name.equals(e.getInvolvedObject().getName()))
                .toList();
    }

    private static String parent(String artifactUri) {
        return artifactUri.substring(0, artifactUri.replaceAll("/+$", "").lastIndexOf('/'));
    }
}
