/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelStatus;
import dev.tandem.api.crd.v1alpha1.recmodel.SimilarityKind;
import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.bundle.BundleLayout;
import dev.tandem.bundle.BundleManifest;
import dev.tandem.bundle.BundleReader;
import dev.tandem.bundle.BundleWriter;
import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.mlflow.ModelRegistry;
import dev.tandem.operator.LocalPlatformResource;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.TestNamespace;
import dev.tandem.testing.trainer.TrainedVersion;
import dev.tandem.testing.trainer.TrainedVersions;
import dev.tandem.testing.trainer.TrainerLauncher;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged operator resolves RecModels against the platform's real MLflow, with versions the trainer registered:
 * by version, by an alias that then moves, a version that does not exist, a bundle with one byte changed, and a version
 * the registry archives. The operator resyncs every {@value QuickResyncResource#RESYNC} here.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = LocalPlatformResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = QuickResyncResource.class, restrictToAnnotatedClass = true)
@LocalPlatformTest
class RecModelReconcilerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** Versions 1 to 3 of one model, trained once for this class. */
    private static TrainedVersions trained;

    private static URI mlflow;
    private static ModelRegistry registry;

    @BeforeAll
    static void train(LocalPlatform platform) throws IOException {
        mlflow = platform.mlflowUrl();
        registry = new ModelRegistry(new MlflowRestClient(mlflow, HttpClient.newHttpClient()));
        if (trained == null) {
            TrainerLauncher trainer = TrainerLauncher.packagedJar(Files.createTempDirectory("tandem-operator-trainer"));
            trained = TrainedVersions.train(trainer, mlflow, TrainedVersions.tinyDataset(trainer), "recmodel-it", 3);
        }
    }

    @Test
    void aVersionIsResolvedVerifiedAndFollowedInMlflow(KubernetesClient client, TestNamespace ns) {
        TrainedVersion v1 = trained.version(1);
        client.resource(recModel(ns, "by-version", spec("1", null))).create();

        RecModelStatus status = awaitStatus(client, ns, "by-version", s -> isTrue(s, "Ready"));

        assertThat(status.getResolvedVersion()).isEqualTo("1");
        assertThat(status.getRunId()).isEqualTo(v1.summary().runId());
        assertThat(status.getArtifactUri()).isEqualTo(v1.summary().bundleUri());
        assertThat(status.getDatasetVersion()).startsWith("ds-");
        assertThat(status.getSimilarity()).isEqualTo(SimilarityKind.DOT);
        assertThat(status.getEmbeddingDim()).isEqualTo(16);
        assertThat(status.getItemCount()).isEqualTo(500);
        BundleManifest manifest = manifestOf(v1.bundle());
        assertThat(status.getChecksums()).hasSize(manifest.files().size());
        assertThat(status.getChecksums())
                .containsEntry(
                        BundleLayout.ITEM_VECTORS,
                        manifest.files().get(BundleLayout.ITEM_VECTORS).sha256());
        assertThat(status.getStage()).isEqualTo("None");
        assertThat(status.getObservedGeneration()).isEqualTo(1L);
        assertThat(condition(status, "Ready").getReason()).isEqualTo("Verified");
        assertThat(condition(status, "Degraded").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Progressing").getStatus()).isEqualTo("False");
        assertThat(QuickResyncResource.workDir()).as("the download is deleted").isEmptyDirectory();

        // Stage and metrics move in MLflow; the operator follows on its next resync without downloading again.
        registry.transitionStage(trained.name(), "1", "Staging", false);
        registry.setVersionTag(trained.name(), "1", MlflowTags.eval("recall_at_50"), "0.250000");
        RecModelStatus staged = awaitStatus(
                client, ns, "by-version", s -> "Staging".equals(s.getStage()) && s.getOfflineMetrics() != null);
        assertThat(staged.getOfflineMetrics()).containsEntry("recall_at_50", 0.25);
        assertThat(condition(staged, "Ready").getLastTransitionTime())
                .isEqualTo(condition(status, "Ready").getLastTransitionTime());
        assertThat(events(client, ns, "by-version", "Verified")).hasSize(1);

        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("tandem_operator_reconciles_total{kind=\"RecModel\"");
    }

    @Test
    void anAliasIsPinnedAndAMoveIsANewVerifiedVersionWithAnEvent(KubernetesClient client, TestNamespace ns) {
        String alias = "champion";
        registry.setAlias(trained.name(), alias, "1");
        client.resource(recModel(ns, "by-alias", spec(null, alias))).create();
        RecModelStatus pinned = awaitStatus(client, ns, "by-alias", s -> isTrue(s, "Ready"));
        assertThat(pinned.getResolvedVersion()).isEqualTo("1");
        assertThat(pinned.getAliases()).contains(alias);

        registry.setAlias(trained.name(), alias, "2");

        RecModelStatus moved = awaitStatus(client, ns, "by-alias", s -> "2".equals(s.getResolvedVersion()));
        assertThat(isTrue(moved, "Ready")).isTrue();
        assertThat(moved.getArtifactUri())
                .isEqualTo(trained.version(2).summary().bundleUri());
        assertThat(moved.getRunId()).isEqualTo(trained.version(2).summary().runId());
        assertThat(moved.getAliases()).contains(alias);
        assertThat(moved.getChecksums()).isNotEqualTo(pinned.getChecksums());
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(events(client, ns, "by-alias", "AliasMoved"))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.getType()).isEqualTo("Normal");
                            assertThat(e.getMessage()).contains("moved from version 1 to version 2");
                        }));
    }

    @Test
    void aRecModelThatNamesNoMlflowGetsTheOperatorsDefaultWrittenIntoItsSpec(
            KubernetesClient client, TestNamespace ns) {
        RecModelSpec spec = spec("1", null);
        spec.setTrackingUri(null);
        client.resource(recModel(ns, "defaulted", spec)).create();

        RecModelStatus status = awaitStatus(client, ns, "defaulted", s -> isTrue(s, "Ready"));

        assertThat(status.getResolvedVersion()).isEqualTo("1");
        RecModel model = client.resources(RecModel.class)
                .inNamespace(ns.name())
                .withName("defaulted")
                .get();
        assertThat(model.getSpec().getTrackingUri()).isEqualTo(mlflow.toString());
        assertThat(events(client, ns, "defaulted", "TrackingUriDefaulted"))
                .singleElement()
                .satisfies(e -> assertThat(e.getMessage()).endsWith(mlflow.toString()));
    }

    @Test
    void aVersionOrAliasThatDoesNotExistIsSaidSo(KubernetesClient client, TestNamespace ns) {
        client.resource(recModel(ns, "no-version", spec("999", null))).create();
        client.resource(recModel(ns, "no-alias", spec(null, "nobody"))).create();

        RecModelStatus noVersion = awaitStatus(client, ns, "no-version", s -> reason(s, "Ready", "VersionNotFound"));
        assertThat(condition(noVersion, "Ready").getMessage())
                .isEqualTo("MLflow at " + mlflow + " has no version 999 of model " + trained.name());
        assertThat(isTrue(noVersion, "Degraded")).isTrue();
        assertThat(noVersion.getResolvedVersion()).isNull();

        RecModelStatus noAlias = awaitStatus(client, ns, "no-alias", s -> reason(s, "Ready", "AliasNotFound"));
        assertThat(condition(noAlias, "Ready").getMessage()).contains("no alias nobody on model " + trained.name());
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(events(client, ns, "no-version", "VersionNotFound"))
                        .singleElement()
                        .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning")));

        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("tandem_operator_reconcile_errors_total{kind=\"RecModel\",reason=\"VersionNotFound\"}");
    }

    @Test
    void aBundleWithOneChangedByteIsRefusedWithTheVerifiersMessage(KubernetesClient client, TestNamespace ns)
            throws Exception {
        String version = registerCorruptedCopyOf(trained.version(1));
        client.resource(recModel(ns, "corrupted", spec(version, null))).create();

        RecModelStatus status = awaitStatus(client, ns, "corrupted", s -> reason(s, "Ready", "BundleInvalid"));

        assertThat(status.getResolvedVersion()).isEqualTo(version);
        assertThat(status.getChecksums()).isNull();
        assertThat(condition(status, "Degraded").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Degraded").getReason()).isEqualTo("BundleInvalid");
        assertThat(condition(status, "Degraded").getMessage())
                .startsWith("the bundle of version " + version + " (" + status.getArtifactUri()
                        + ") failed verification: " + BundleLayout.ITEM_VECTORS + " has sha256 ")
                .contains(", the manifest says ");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(events(client, ns, "corrupted", "BundleInvalid"))
                        .singleElement()
                        .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning")));
        assertThat(QuickResyncResource.workDir()).isEmptyDirectory();
    }

    @Test
    void aVersionMlflowArchivesIsRecordedAsArchived(KubernetesClient client, TestNamespace ns) {
        client.resource(recModel(ns, "loser", spec("3", null))).create();
        awaitStatus(client, ns, "loser", s -> isTrue(s, "Ready"));

        // What the trainer's decide does to a loser.
        registry.transitionStage(trained.name(), "3", "Archived", false);
        registry.setVersionTag(trained.name(), "3", MlflowTags.DECISION, MlflowTags.Decision.REJECTED.value());
        registry.setVersionTag(
                trained.name(), "3", MlflowTags.DECISION_REASON, "recall@50 0.1012 is not above the champion's 0.2");

        RecModelStatus status = awaitStatus(client, ns, "loser", s -> s.getArchived() != null);
        assertThat(status.getArchived().getReason()).isEqualTo("LostOffline");
        assertThat(status.getArchived().getMessage())
                .contains("version 3 of " + trained.name() + " lost on offline metrics")
                .contains("recall@50 0.1012 is not above the champion's 0.2");
        assertThat(status.getArchived().getAt()).isNotBlank();
        assertThat(status.getStage()).isEqualTo("Archived");
        assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Ready").getReason()).isEqualTo("Archived");
        assertThat(condition(status, "Degraded").getStatus()).isEqualTo("False");
        assertThat(status.getChecksums()).as("what was verified stays").isNotEmpty();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(events(client, ns, "loser", "Archived"))
                        .singleElement()
                        .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning")));
    }

    @Test
    void anUnreachableRegistryIsReportedAndRetried(KubernetesClient client, TestNamespace ns) {
        RecModelSpec spec = spec("1", null);
        // Port 9 (discard) on the loopback: nothing listens, the connection is refused at once.
        spec.setTrackingUri("http://127.0.0.1:9");
        client.resource(recModel(ns, "unreachable", spec)).create();

        RecModelStatus status = awaitStatus(client, ns, "unreachable", s -> reason(s, "Ready", "RegistryUnreachable"));

        assertThat(condition(status, "Degraded").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Progressing").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Ready").getMessage())
                .startsWith("MLflow at http://127.0.0.1:9 is unreachable: the connection was refused")
                .doesNotContain("Exception");
        // Retried (after 2 s, then as long as the outage has lasted), each try counted as a failed reconcile.
        await().atMost(PATIENCE).until(() -> errorCount("RegistryUnreachable") >= 3);
    }

    private static double errorCount(String reason) {
        String prefix = "tandem_operator_reconcile_errors_total{kind=\"RecModel\",reason=\"" + reason + "\"} ";
        return given().get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(prefix.length()).trim()))
                .sum();
    }

    /**
     * Registers a new version whose source is a copy of {@code original}'s bundle with one byte of the item vectors
     * changed (its manifest names the new version, so only the checksum is wrong), uploaded through the artifact proxy.
     */
    private static String registerCorruptedCopyOf(TrainedVersion original) throws Exception {
        MlflowRestClient rest = new MlflowRestClient(mlflow, HttpClient.newHttpClient());
        Path copy = Files.createTempDirectory("corrupted-bundle");
        try (Stream<Path> files = Files.walk(original.bundle())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(original.bundle().relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        BundleManifest manifest = BundleReader.verify(copy).manifest();
        JsonNode run = rest.post("runs/create", Map.of("experiment_id", "0"))
                .path("run")
                .path("info");
        String source = run.path("artifact_uri").asText() + "/bundle";
        String version = rest.post(
                        "model-versions/create",
                        Map.of(
                                "name",
                                trained.name(),
                                "source",
                                source,
                                "run_id",
                                run.path("run_id").asText()))
                .path("model_version")
                .path("version")
                .asText();
        BundleWriter.rewriteManifest(copy, manifest.withModelVersion(version));
        try (RandomAccessFile vectors =
                new RandomAccessFile(copy.resolve(BundleLayout.ITEM_VECTORS).toFile(), "rw")) {
            vectors.seek(100);
            int b = vectors.read();
            vectors.seek(100);
            vectors.write(b ^ 0x01);
        }
        MlflowArtifactProxy artifacts = new MlflowArtifactProxy(mlflow, HttpClient.newHttpClient());
        try (Stream<Path> files = Files.walk(copy)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                artifacts.upload(
                        file, source + "/" + copy.relativize(file).toString().replace('\\', '/'));
            }
        }
        return version;
    }

    private static BundleManifest manifestOf(Path bundle) {
        try {
            return BundleReader.verify(bundle).manifest();
        } catch (Exception e) {
            throw new AssertionError("the trainer's own bundle does not verify", e);
        }
    }

    private static RecModelSpec spec(String version, String alias) {
        RecModelSpec spec = new RecModelSpec();
        spec.setTrackingUri(mlflow.toString());
        spec.setRegisteredModel(trained.name());
        spec.setVersion(version);
        spec.setAlias(alias);
        return spec;
    }

    private static RecModel recModel(TestNamespace ns, String name, RecModelSpec spec) {
        RecModel model = new RecModel();
        model.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(ns.name())
                .addToLabels(LocalPlatformResource.INSTANCE_LABEL, LocalPlatformResource.instance())
                .build());
        model.setSpec(spec);
        return model;
    }

    private static RecModelStatus awaitStatus(
            KubernetesClient client, TestNamespace ns, String name, Predicate<RecModelStatus> done) {
        RecModelStatus[] last = new RecModelStatus[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            RecModel model = client.resources(RecModel.class)
                    .inNamespace(ns.name())
                    .withName(name)
                    .get();
            last[0] = model == null ? null : model.getStatus();
            return last[0] != null && last[0].getConditions() != null && done.test(last[0]);
        });
        return last[0];
    }

    private static List<Event> events(KubernetesClient client, TestNamespace ns, String name, String reason) {
        return client.v1().events().inNamespace(ns.name()).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()))
                .toList();
    }

    private static Condition condition(RecModelStatus status, String type) {
        return status.condition(type).orElseThrow(() -> new AssertionError("no " + type + " condition"));
    }

    private static boolean isTrue(RecModelStatus status, String type) {
        return status.isTrue(type);
    }

    private static boolean reason(RecModelStatus status, String type, String reason) {
        return status.condition(type).map(c -> reason.equals(c.getReason())).orElse(false);
    }
}
