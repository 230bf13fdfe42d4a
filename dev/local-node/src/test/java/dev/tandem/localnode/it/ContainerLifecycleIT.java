/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.TestNamespace;
import dev.tandem.testing.node.LocalNode;
import dev.tandem.testing.node.NodeTrainedModel;
import dev.tandem.testing.node.ServingPods;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Restarts, probes and refusals on the local node, as a kubelet does them. */
@LocalPlatformTest
class ContainerLifecycleIT {

    @BeforeAll
    static void node() {
        LocalNode.up();
    }

    @Test
    void aCrashingContainerIsRestartedWithBackOffAndCountsItsRestarts(KubernetesClient client, TestNamespace ns) {
        // `train` without its required options exits 2 at once: a container that crashes on every start.
        Container crashing = new ContainerBuilder()
                .withName("trainer")
                .withImage(NodeTrainedModel.TRAINER_IMAGE)
                .withArgs("train")
                .build();
        client.resource(pod(ns, "crasher", crashing)).create();

        Pod pod = await().atMost(LocalNode.PATIENCE)
                .until(
                        () -> client.pods()
                                .inNamespace(ns.name())
                                .withName("crasher")
                                .get(),
                        p -> LocalNode.containerStatus(p, "trainer")
                                .map(s -> s.getRestartCount() >= 2)
                                .orElse(false));

        ContainerStatus status = LocalNode.containerStatus(pod, "trainer").orElseThrow();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(2);
        assertThat(status.getLastState().getTerminated().getReason()).isEqualTo("Error");
        assertThat(LocalNode.containerLog(pod, "trainer")).contains("Missing required option");
        await().atMost(LocalNode.PATIENCE).untilAsserted(() -> {
            ContainerStatus backingOff = LocalNode.containerStatus(
                            client.pods()
                                    .inNamespace(ns.name())
                                    .withName("crasher")
                                    .get(),
                            "trainer")
                    .orElseThrow();
            assertThat(backingOff.getState().getWaiting()).isNotNull();
            assertThat(backingOff.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
            assertThat(backingOff.getState().getWaiting().getMessage()).startsWith("back-off ");
        });
    }

    @Test
    void aFailingLivenessProbeRestartsTheContainer(LocalPlatform platform, KubernetesClient client, TestNamespace ns) {
        NodeTrainedModel.Model model = NodeTrainedModel.get(platform);
        Container server = new ContainerBuilder(ServingPods.container(model, 1, Map.of()))
                .withNewLivenessProbe()
                .withNewHttpGet()
                .withPath("/no-such-path")
                .withPort(new IntOrString("http"))
                .endHttpGet()
                .withPeriodSeconds(1)
                .withFailureThreshold(3)
                .endLivenessProbe()
                .build();
        client.resource(ServingPods.pod(ns.name(), "unhealthy", server)).create();

        Pod pod = await().atMost(LocalNode.PATIENCE)
                .until(
                        () -> client.pods()
                                .inNamespace(ns.name())
                                .withName("unhealthy")
                                .get(),
                        p -> LocalNode.containerStatus(p, "server")
                                .map(s -> s.getRestartCount() >= 1)
                                .orElse(false));

        ContainerStatus status = LocalNode.containerStatus(pod, "server").orElseThrow();
        // The node stopped the process: SIGTERM (143), or SIGKILL (137) when it outlived its grace period.
        assertThat(status.getLastState().getTerminated().getExitCode()).isIn(143, 137);
        assertThat(client.v1().events().inNamespace(ns.name()).list().getItems())
                .anySatisfy(e -> {
                    assertThat(e.getReason()).isEqualTo("Killing");
                    assertThat(e.getMessage()).contains("failed liveness probe, will be restarted");
                });
    }

    @Test
    void anImageTheNodeCannotRunIsRefusedWithAClearMessage(KubernetesClient client, TestNamespace ns) {
        Container nginx =
                new ContainerBuilder().withName("web").withImage("nginx:1.27").build();
        client.resource(pod(ns, "web", nginx)).create();

        await().atMost(LocalNode.PATIENCE).untilAsserted(() -> {
            Pod pod = client.pods().inNamespace(ns.name()).withName("web").get();
            ContainerStatus status = LocalNode.containerStatus(pod, "web").orElseThrow();
            assertThat(status.getState().getWaiting().getReason()).isEqualTo("ErrImageNeverPull");
            assertThat(status.getState().getWaiting().getMessage())
                    .contains("image nginx:1.27 is not present on local-0")
                    .contains("tandem-serving")
                    .contains("dev/node load");
        });
        // Nothing else marks it Running: the simulated nodes' kwok leaves the local node's pods alone.
        Pod pod = client.pods().inNamespace(ns.name()).withName("web").get();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(LocalNode.podReady(pod)).isFalse();
    }

    @Test
    void aPodAskingForAGpuIsRejected(KubernetesClient client, TestNamespace ns) {
        Container gpu = new ContainerBuilder()
                .withName("server")
                .withImage(ServingPods.IMAGE)
                .withNewResources()
                .addToLimits("nvidia.com/gpu", new Quantity("1"))
                .endResources()
                .build();
        // Named directly: the scheduler would never pick a node without GPUs.
        Pod direct = new PodBuilder(pod(ns, "gpu", gpu))
                .editSpec()
                .withNodeName(LocalNode.NAME)
                .endSpec()
                .build();
        client.resource(direct).create();

        await().atMost(LocalNode.PATIENCE).untilAsserted(() -> {
            Pod pod = client.pods().inNamespace(ns.name()).withName("gpu").get();
            assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
            assertThat(pod.getStatus().getReason()).isEqualTo("OutOfnvidia.com/gpu");
            assertThat(pod.getStatus().getMessage())
                    .contains("has no nvidia.com/gpu")
                    .contains("simulated GPU nodes");
        });
    }

    private static Pod pod(TestNamespace ns, String name, Container container) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns.name())
                .endMetadata()
                .withSpec(LocalNode.placed(
                        new PodSpecBuilder().withContainers(container).build()))
                .build();
    }
}
