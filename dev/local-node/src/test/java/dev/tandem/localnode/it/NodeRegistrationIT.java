/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.TestNamespace;
import dev.tandem.testing.node.LocalNode;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local node is a node like the others to the control plane, and only pods that ask for it land on it. */
@LocalPlatformTest
class NodeRegistrationIT {

    @BeforeAll
    static void node() {
        LocalNode.up();
    }

    @Test
    void theNodeIsReadyWithTheHostsCapacityAndRenewsItsLease(KubernetesClient client) {
        Node node = client.nodes().withName(LocalNode.NAME).get();

        assertThat(node.getMetadata().getLabels()).containsEntry(LocalNode.LABEL, "true");
        assertThat(node.getMetadata().getAnnotations()).doesNotContainKey("kwok.x-k8s.io/node");
        assertThat(node.getSpec().getTaints()).anySatisfy(t -> {
            assertThat(t.getKey()).isEqualTo(LocalNode.LABEL);
            assertThat(t.getEffect()).isEqualTo("NoSchedule");
        });
        assertThat(node.getStatus().getCapacity().get("cpu"))
                .isEqualTo(new Quantity(Integer.toString(Runtime.getRuntime().availableProcessors())));
        assertThat(node.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("True");
        });

        ZonedDateTime renewed = lease(client).getSpec().getRenewTime();
        await().atMost(LocalNode.PATIENCE)
                .untilAsserted(
                        () -> assertThat(lease(client).getSpec().getRenewTime()).isAfter(renewed));
    }

    @Test
    void podsThatDoNotAskForTheLocalNodeStayOnTheSimulatedOnes(KubernetesClient client, TestNamespace ns) {
        client.resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("anywhere")
                        .withNamespace(ns.name())
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(6)
                        .withNewSelector()
                        .addToMatchLabels("app", "anywhere")
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("app", "anywhere")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("c")
                        .withImage("registry.invalid/never-pulled:1")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();

        await().atMost(LocalNode.PATIENCE).untilAsserted(() -> {
            List<Pod> pods = client.pods()
                    .inNamespace(ns.name())
                    .withLabel("app", "anywhere")
                    .list()
                    .getItems();
            assertThat(pods)
                    .hasSize(6)
                    .allSatisfy(p -> assertThat(LocalNode.podReady(p)).isTrue());
            assertThat(pods).extracting(p -> p.getSpec().getNodeName()).doesNotContain(LocalNode.NAME);
        });
    }

    private static Lease lease(KubernetesClient client) {
        return client.resources(Lease.class)
                .inNamespace("kube-node-lease")
                .withName(LocalNode.NAME)
                .get();
    }
}
