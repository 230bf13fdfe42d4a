/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.operator.it.TandemCrds;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.MergePatch;
import dev.tandem.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API server itself rejects invalid Tandem resources, with the message the CRD's schema or CEL rule gives, and
 * stores nothing of them; valid ones get the documented defaults.
 */
@LocalPlatformTest
class CrdValidationIT {

    @BeforeEach
    void crds(KubernetesClient client) {
        TandemCrds.install(client);
    }

    @Test
    void recModelNeedsExactlyOneOfVersionAndAlias(KubernetesClient client, TestNamespace ns) {
        assertRejected(
                client,
                ns,
                recModel("both", "version: \"3\"\n  alias: champion"),
                "set exactly one of spec.version or spec.alias");
        assertRejected(
                client,
                ns,
                recModel("neither", "signatureName: serving_default"),
                "set exactly one of spec.version or spec.alias");
    }

    @Test
    void recModelFieldsAreChecked(KubernetesClient client, TestNamespace ns) {
        assertRejected(client, ns, recModel("v0", "version: \"0\""), "spec.version");
        assertRejected(client, ns, """
                apiVersion: tandem.dev/v1alpha1
                kind: RecModel
                metadata: {name: nouri}
                spec: {trackingUri: "mlflow:5000", registeredModel: movies, version: "1"}
                """, "spec.trackingUri");
        assertRejected(client, ns, recModel("sim", "version: \"1\"\n  similarity: euclid"), "spec.similarity");
    }

    @Test
    void recModelCannotBeMovedToAnotherRegisteredModel(KubernetesClient client, TestNamespace ns) {
        RecModel model = client.resource(load(RecModel.class, ns, recModel("movies", "alias: champion")))
                .create();
        assertThat(model.getSpec().getSignatureName()).isEqualTo("serving_default");

        model.getSpec().setRegisteredModel("books");
        assertThatThrownBy(() -> client.resource(model).update())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getMessage())
                                .contains("spec.trackingUri and spec.registeredModel cannot change once set"));
    }

    @Test
    void recModelTrackingUriMayBeLeftToTheOperatorAndIsFixedOnceSet(KubernetesClient client, TestNamespace ns) {
        client.resource(load(RecModel.class, ns, """
                        apiVersion: tandem.dev/v1alpha1
                        kind: RecModel
                        metadata: {name: defaulted}
                        spec: {registeredModel: movies, alias: champion}
                        """)).create();

        // What the operator does with its default MLflow: set once.
        RecModel set = MergePatch.apply(
                client,
                RecModel.class,
                ns.name(),
                "defaulted",
                Map.of("spec", Map.of("trackingUri", "http://mlflow:5000")));
        assertThat(set.getSpec().getTrackingUri()).isEqualTo("http://mlflow:5000");

        for (String changed : List.of("\"http://other-mlflow:5000\"", "null")) {
            assertThatThrownBy(() -> client.resources(RecModel.class)
                            .inNamespace(ns.name())
                            .withName("defaulted")
                            .patch(
                                    PatchContext.of(PatchType.JSON_MERGE),
                                    "{\"spec\": {\"trackingUri\": " + changed + "}}"))
                    .as("trackingUri to %s", changed)
                    .isInstanceOfSatisfying(
                            KubernetesClientException.class,
                            e -> assertThat(e.getMessage())
                                    .contains("spec.trackingUri and spec.registeredModel cannot change once set"));
        }
    }

    @Test
    void recIndexHnswParametersMustBeInRange(KubernetesClient client, TestNamespace ns) {
        assertRejected(
                client,
                ns,
                recIndex("narrow", "hnsw: {maxDegree: 64, beamWidth: 32}"),
                "spec.hnsw.beamWidth must be at least spec.hnsw.maxDegree");
        assertRejected(client, ns, recIndex("wide", "hnsw: {maxDegree: 1000}"), "spec.hnsw.maxDegree");
        assertRejected(client, ns, recIndex("over", "hnsw: {overquery: 0}"), "spec.hnsw.overquery");
        assertRejected(client, ns, recIndex("mips", "hnsw: {mips: l2}"), "spec.hnsw.mips");
    }

    @Test
    void recIndexClaimGoesWithItsStorageType(KubernetesClient client, TestNamespace ns) {
        assertRejected(
                client,
                ns,
                recIndex("noclaim", "storage: {type: PersistentVolumeClaim}"),
                "spec.storage.claimName is required when spec.storage.type is PersistentVolumeClaim");
        assertRejected(
                client,
                ns,
                recIndex("strayclaim", "storage: {claimName: indexes}"),
                "spec.storage.claimName is only for spec.storage.type PersistentVolumeClaim");
    }

    @Test
    void recIndexGetsDefaults(KubernetesClient client, TestNamespace ns) {
        RecIndex index = client.resource(load(RecIndex.class, ns, recIndex("plain", "build: {}")))
                .create();

        assertThat(index.getSpec().getHnsw().getMaxDegree()).isEqualTo(32);
        assertThat(index.getSpec().getHnsw().getBeamWidth()).isEqualTo(200);
        assertThat(index.getSpec().getHnsw().getOverquery()).isEqualTo(10);
        assertThat(index.getSpec().getStorage().getType().name()).isEqualTo("MLFLOW");
        assertThat(index.getSpec().getBuild().getProbeQueries()).isEqualTo(1000);
    }

    @Test
    void rolloutPreviewReplicasMustNotExceedReplicas(KubernetesClient client, TestNamespace ns) {
        assertRejected(
                client,
                ns,
                rollout("big-preview", "replicas: 2\n  strategy: {blueGreen: {previewReplicas: 3}}"),
                "spec.strategy.blueGreen.previewReplicas must not exceed spec.replicas");
        // The default of one preview pod does not fit a Rollout scaled to zero either.
        assertRejected(
                client,
                ns,
                rollout("zero", "replicas: 0"),
                "spec.strategy.blueGreen.previewReplicas must not exceed spec.replicas");
    }

    @Test
    void rolloutResourcesAreChecked(KubernetesClient client, TestNamespace ns) {
        assertRejected(client, ns, rollout("negative-gpu", "resources: {gpus: -1}"), "spec.resources.gpus");
        assertRejected(
                client,
                ns,
                rollout("bare-gpu-name", "resources: {gpus: 1, gpuResourceName: gpu}"),
                "spec.resources.gpuResourceName");
        assertRejected(
                client,
                ns,
                rollout("recall", "strategy: {blueGreen: {analysis: {minRecallAt10: 1.5}}}"),
                "spec.strategy.blueGreen.analysis.minRecallAt10");
        assertRejected(client, ns, """
                apiVersion: tandem.dev/v1alpha1
                kind: Rollout
                metadata: {name: nopair}
                spec: {serviceName: movies}
                """, "spec.pair: Required value");
    }

    @Test
    void rolloutServiceNameIsImmutableAndDefaultsAreApplied(KubernetesClient client, TestNamespace ns) {
        Rollout rollout = client.resource(load(Rollout.class, ns, rollout("movies", "replicas: 2")))
                .create();
        assertThat(rollout.getSpec().getStrategy().getBlueGreen().getPreviewReplicas())
                .isEqualTo(1);
        assertThat(rollout.getSpec().getStrategy().getBlueGreen().isAutoPromotion())
                .isTrue();
        assertThat(rollout.getSpec().getStrategy().getBlueGreen().getAnalysis().getSmokeQueries())
                .as("left unset: the operator's default applies, so the chart's value can change it")
                .isNull();
        assertThat(rollout.getSpec().getResources().getGpuResourceName()).isEqualTo("nvidia.com/gpu");

        rollout.getSpec().setServiceName("films");
        assertThatThrownBy(() -> client.resource(rollout).update())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getMessage()).contains("spec.serviceName cannot change"));
    }

    private static void assertRejected(KubernetesClient client, TestNamespace ns, String yaml, String message) {
        HasMetadata resource = client.getKubernetesSerialization().unmarshal(yaml);
        resource.getMetadata().setNamespace(ns.name());
        assertThatThrownBy(() -> client.resource(resource).create())
                .as("creating %s", resource.getMetadata().getName())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains(message);
                });
        assertThat(client.resource(resource).get()).isNull();
    }

    private static <T extends HasMetadata> T load(Class<T> type, TestNamespace ns, String yaml) {
        T resource = Serialization.unmarshal(yaml, type);
        resource.getMetadata().setNamespace(ns.name());
        return resource;
    }

    private static String recModel(String name, String fields) {
        return """
                apiVersion: tandem.dev/v1alpha1
                kind: RecModel
                metadata: {name: %s}
                spec:
                  trackingUri: http://mlflow:5000
                  registeredModel: movies
                  %s
                """.formatted(name, fields);
    }

    private static String recIndex(String name, String fields) {
        return """
                apiVersion: tandem.dev/v1alpha1
                kind: RecIndex
                metadata: {name: %s}
                spec:
                  modelRef: movies
                  %s
                """.formatted(name, fields);
    }

    private static String rollout(String name, String fields) {
        return """
                apiVersion: tandem.dev/v1alpha1
                kind: Rollout
                metadata: {name: %s}
                spec:
                  serviceName: movies
                  pair: {modelRef: movies, indexRef: movies-index}
                  %s
                """.formatted(name, fields);
    }
}
