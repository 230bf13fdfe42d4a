/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The control plane schedules for real: GPU requests land on the simulated GPU node or stay Pending. */
@LocalPlatformTest
class KubernetesSchedulingIT {

    @Test
    void gpuDeploymentBecomesAvailableOnTheGpuNode(KubernetesClient client, TestNamespace ns) {
        client.resource(gpuDeployment(ns, "one-gpu", 1)).create();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Deployment deployment = client.apps()
                    .deployments()
                    .inNamespace(ns.name())
                    .withName("one-gpu")
                    .get();
            assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(1);
        });
        List<Pod> pods = podsOf(client, ns, "one-gpu");
        assertThat(pods).hasSize(1);
        String nodeName = pods.getFirst().getSpec().getNodeName();
        assertThat(client.nodes().withName(nodeName).get().getMetadata().getLabels())
                .containsEntry("nvidia.com/gpu.present", "true")
                .containsKey("nvidia.com/gpu.product");
    }

    @Test
    void podAskingForMoreGpusThanExistStaysPendingAndUnschedulable(KubernetesClient client, TestNamespace ns) {
        client.resource(gpuDeployment(ns, "too-many-gpus", 8)).create();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Pod> pods = podsOf(client, ns, "too-many-gpus");
            assertThat(pods).hasSize(1);
            Pod pod = pods.getFirst();
            assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
            PodCondition scheduled = pod.getStatus().getConditions().stream()
                    .filter(c -> c.getType().equals("PodScheduled"))
                    .findFirst()
                    .orElseThrow();
            assertThat(scheduled.getStatus()).isEqualTo("False");
            assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
            assertThat(scheduled.getMessage()).contains("Insufficient nvidia.com/gpu");
        });
        assertThat(podsOf(client, ns, "too-many-gpus").getFirst().getSpec().getNodeName())
                .isNull();
    }

    @Test
    void cpuOnlyPodsStayOffTheTaintedGpuNode(KubernetesClient client, TestNamespace ns) {
        Deployment cpu = new DeploymentBuilder(gpuDeployment(ns, "cpu-only", 0))
                .editSpec()
                .withReplicas(6)
                .endSpec()
                .build();
        client.resource(cpu).create();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(client.apps()
                                .deployments()
                                .inNamespace(ns.name())
                                .withName("cpu-only")
                                .get()
                                .getStatus()
                                .getAvailableReplicas())
                        .isEqualTo(6));
        assertThat(podsOf(client, ns, "cpu-only"))
                .extracting(p -> p.getSpec().getNodeName())
                .allSatisfy(node -> assertThat(node).startsWith("sim-cpu-"));
    }

    private static List<Pod> podsOf(KubernetesClient client, TestNamespace ns, String app) {
        return client.pods().inNamespace(ns.name()).withLabel("app", app).list().getItems();
    }

    private static Deployment gpuDeployment(TestNamespace ns, String name, int gpus) {
        Map<String, Quantity> limits =
                gpus > 0 ? Map.of("nvidia.com/gpu", new Quantity(String.valueOf(gpus))) : Map.of();
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns.name())
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("server")
                .withImage("registry.invalid/tandem/never-pulled:1")
                .withNewResources()
                .withLimits(limits)
                .withRequests(Map.of("cpu", new Quantity("100m")))
                .endResources()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
