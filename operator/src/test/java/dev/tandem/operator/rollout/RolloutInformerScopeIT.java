/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.operator.it.OperatorProcess;
import dev.tandem.operator.it.PairObjects;
import dev.tandem.testing.LocalPlatformExtension;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's Deployment and Service informers hold only what Tandem made: a Deployment and a Service of someone
 * else in a namespace the operator works in never enter its caches, while the Rollout's own do.
 *
 * <p>What an informer caches is read from the operator's log: with the JOSDK informer event source at DEBUG, every
 * object an informer stores is logged ("On add event received for resource id: …") as it enters the cache. One informer
 * delivers its objects in the order the API server wrote them, so the bystanders, created before the Rollout, would be
 * logged by an informer before the Rollout's own objects if that informer watched them.
 */
@LocalPlatformTest
class RolloutInformerScopeIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String INFORMER_EVENTS =
            "quarkus.log.category.\"io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource\""
                    + ".level";
    /**
     * Informers per kind: the blue and green dependents each watch Deployments, the active and preview dependents each
     * watch Services, and every one of them receives the Rollout's objects of its kind.
     */
    private static final int INFORMERS_PER_KIND = 2;

    private static OperatorProcess operator;

    @BeforeAll
    static void startOperator() {
        operator = OperatorProcess.start(
                LocalPlatformExtension.platform(),
                Map.of("tandem.operator.progress-interval", "1s", INFORMER_EVENTS, "DEBUG"));
    }

    @AfterAll
    static void stopOperator() {
        if (operator != null) {
            operator.close();
        }
    }

    @Test
    void deploymentsAndServicesTandemDidNotMakeStayOutOfTheOperatorsCache(KubernetesClient client, TestNamespace ns) {
        client.resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("bystander")
                        .withNamespace(ns.name())
                        .addToLabels("app", "bystander")
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(0)
                        .withNewSelector()
                        .addToMatchLabels("app", "bystander")
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("app", "bystander")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("web")
                        .withImage("registry.example/bystander:1")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();
        client.resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("bystander")
                        .withNamespace(ns.name())
                        .addToLabels("app", "bystander")
                        .endMetadata()
                        .withNewSpec()
                        .addToSelector("app", "bystander")
                        .addNewPort()
                        .withPort(80)
                        .endPort()
                        .endSpec()
                        .build())
                .create();
        PairObjects.resolvedPair(client, ns.name(), "movies", "4", "4c4c4c4c4c4c4c4c", "mlflow-artifacts:/1/r/idx");
        client.resource(PairObjects.rollout(ns.name(), "movies", 1)).create();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String log = operator.log();
            assertThat(added(log, "Deployment", "movies-blue", ns.name()))
                    .as("informers that cached the Rollout's Deployment")
                    .isGreaterThanOrEqualTo(INFORMERS_PER_KIND);
            assertThat(added(log, "Service", "movies-api", ns.name()))
                    .as("informers that cached the Rollout's Service")
                    .isGreaterThanOrEqualTo(INFORMERS_PER_KIND);
        });

        assertThat(operator.log().lines().filter(line -> line.contains(resourceId("bystander", ns.name()))))
                .as("what the operator's informers logged of the bystanders")
                .isEmpty();
    }

    /** How many informers logged that they cached the object. */
    private static int added(String log, String kind, String name, String namespace) {
        String line = "On add event received for resource id: " + resourceId(name, namespace) + " type: " + kind + " ";
        return (int) log.lines().filter(l -> l.contains(line)).count();
    }

    private static String resourceId(String name, String namespace) {
        return "ResourceID{name='" + name + "', namespace='" + namespace + "'}";
    }
}
