/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutPhase;
import dev.tandem.operator.it.OperatorProcess;
import dev.tandem.operator.it.PairObjects;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformExtension;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rollouts on the simulated nodes (kwok marks their pods Running and Ready; no process runs): GPU pods land on the GPU
 * node, an over-asking Rollout is reported Unschedulable with the scheduler's words, and deleting a Rollout removes
 * what it made and nothing else.
 */
@LocalPlatformTest
class RolloutSchedulingIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static OperatorProcess operator;

    @BeforeAll
    static void startOperator() {
        LocalPlatform platform = LocalPlatformExtension.platform();
        operator = OperatorProcess.start(platform, Map.of("tandem.operator.progress-interval", "1s"));
    }

    @AfterAll
    static void stopOperator() {
        if (operator != null) {
            operator.close();
        }
    }

    @Test
    void gpuRolloutLandsOnTheGpuNodeAndBecomesReady(KubernetesClient client, TestNamespace ns) {
        PairObjects.resolvedPair(client, ns.name(), "movies", "3", "0a1b2c3d4e5f6789", "mlflow-artifacts:/1/r/idx");
        Rollout rollout = gpu(PairObjects.rollout(ns.name(), "movies", 2), 1);
        client.resource(rollout).create();

        Rollout ready = awaitRollout(
                client,
                ns,
                "movies",
                r -> r.getStatus() != null && r.getStatus().getPhase() == RolloutPhase.Healthy);

        assertThat(ready.getStatus().getActive().getPair()).isEqualTo("v3-0a1b2c3d");
        assertThat(ready.getStatus().isTrue("Ready")).isTrue();
        assertThat(ready.getStatus().getActive().getReadyReplicas()).isEqualTo(2);
        List<Pod> pods = client.pods()
                .inNamespace(ns.name())
                .withLabel("tandem.dev/rollout", "movies")
                .list()
                .getItems();
        assertThat(pods).hasSize(2).allSatisfy(pod -> {
            assertThat(pod.getSpec().getNodeName()).isEqualTo("sim-gpu-0");
            assertThat(pod.getMetadata().getLabels()).containsEntry("tandem.dev/pair", "v3-0a1b2c3d");
            assertThat(pod.getSpec().getContainers().getFirst().getResources().getLimits())
                    .containsEntry("nvidia.com/gpu", new Quantity("1"));
        });
        var service =
                client.services().inNamespace(ns.name()).withName("movies-api").get();
        assertThat(service.getSpec().getSelector()).containsEntry("tandem.dev/colour", "blue");
        assertThat(service.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("Rollout"));
        assertThat(client.services()
                        .inNamespace(ns.name())
                        .withName("movies-api-preview")
                        .get())
                .as("no preview Service without a swap")
                .isNull();
        assertThat(ready.getStatus().getConditions())
                .allSatisfy(c -> assertThat(c.getObservedGeneration())
                        .isEqualTo(ready.getMetadata().getGeneration()));
    }

    @Test
    void overAskingGpuRolloutIsReportedUnschedulable(KubernetesClient client, TestNamespace ns) {
        PairObjects.resolvedPair(client, ns.name(), "greedy", "1", "feedfacefeedface", "mlflow-artifacts:/1/r/idx");
        client.resource(gpu(PairObjects.rollout(ns.name(), "greedy", 1), 8)).create();

        Rollout reported = awaitRollout(
                client,
                ns,
                "greedy",
                r -> r.getStatus() != null
                        && r.getStatus()
                                .condition("Ready")
                                .map(c -> "Unschedulable".equals(c.getReason()))
                                .orElse(false));

        var ready = reported.getStatus().condition("Ready").orElseThrow();
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getMessage()).contains("Insufficient nvidia.com/gpu");
        assertThat(reported.getStatus().condition("Degraded").orElseThrow().getStatus())
                .isEqualTo("True");
        assertThat(reported.getStatus().getPhase()).isEqualTo(RolloutPhase.Deploying);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client.v1()
                                .events()
                                .inNamespace(ns.name())
                                .list()
                                .getItems())
                        .anySatisfy(e -> {
                            assertThat(e.getInvolvedObject().getName()).isEqualTo("greedy");
                            assertThat(e.getReason()).isEqualTo("Deploying");
                        }));
    }

    @Test
    void deletingARolloutRemovesWhatItMadeAndNothingElse(KubernetesClient client, TestNamespace ns) {
        PairObjects.resolvedPair(client, ns.name(), "doomed", "2", "0123012301230123", "mlflow-artifacts:/1/r/idx");
        client.resource(gpu(PairObjects.rollout(ns.name(), "doomed", 1), 1)).create();
        awaitRollout(
                client,
                ns,
                "doomed",
                r -> r.getStatus() != null && r.getStatus().getPhase() == RolloutPhase.Healthy);
        // A bystander with the Rollout's labels but not made by it.
        client.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("doomed-notes")
                        .withNamespace(ns.name())
                        .addToLabels("tandem.dev/rollout", "doomed")
                        .endMetadata()
                        .addToData("note", "mine")
                        .build())
                .create();

        client.resources(Rollout.class)
                .inNamespace(ns.name())
                .withName("doomed")
                .delete();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(client.resources(Rollout.class)
                            .inNamespace(ns.name())
                            .withName("doomed")
                            .get())
                    .isNull();
            assertThat(client.apps().deployments().inNamespace(ns.name()).list().getItems())
                    .isEmpty();
            assertThat(client.services()
                            .inNamespace(ns.name())
                            .withName("doomed-api")
                            .get())
                    .isNull();
        });
        assertThat(client.configMaps()
                        .inNamespace(ns.name())
                        .withName("doomed-notes")
                        .get())
                .isNotNull();
        assertThat(client.resources(dev.tandem.api.crd.v1alpha1.recmodel.RecModel.class)
                        .inNamespace(ns.name())
                        .withName("doomed")
                        .get())
                .as("the pair's resources are not the Rollout's")
                .isNotNull();
    }

    private static Rollout gpu(Rollout rollout, int gpus) {
        rollout.getSpec().getResources().setGpus(gpus);
        rollout.getSpec().setNodeSelector(Map.of("nvidia.com/gpu.present", "true"));
        rollout.getSpec()
                .setTolerations(List.of(new TolerationBuilder()
                        .withKey("nvidia.com/gpu")
                        .withOperator("Exists")
                        .withEffect("NoSchedule")
                        .build()));
        return rollout;
    }

    private static Rollout awaitRollout(
            KubernetesClient client, TestNamespace ns, String name, java.util.function.Predicate<Rollout> done) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .failFast(() -> false)
                .until(
                        () -> client.resources(Rollout.class)
                                .inNamespace(ns.name())
                                .withName(name)
                                .get(),
                        r -> r != null && done.test(r));
    }
}
