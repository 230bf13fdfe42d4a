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
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The serving image runs on the local node as a real process, and Kubernetes sees what it really does. */
@LocalPlatformTest
class ServingDeploymentIT {

    private static final Duration START_TIMEOUT = LocalNode.PATIENCE;

    @BeforeAll
    static void node() {
        LocalNode.up();
    }

    @Test
    void deploymentBecomesAvailableOnlyOnceTheIndexIsLoadedAndWarm(
            LocalPlatform platform, KubernetesClient client, TestNamespace ns) throws InterruptedException {
        NodeTrainedModel.Model model = NodeTrainedModel.get(platform);
        Map<String, String> labels = Map.of("app", "serving");
        // More warm-up queries than the default keep the LOADING phase long enough to be watched.
        client.resource(ServingPods.deployment(
                        ns.name(),
                        "serving",
                        labels,
                        ServingPods.container(model, 1, Map.of("TANDEM_WARMUP_QUERIES", "3000"))))
                .create();

        boolean sawLoadingWhileNotReady = false;
        Pod pod = null;
        try (HttpClient http = HttpClient.newHttpClient()) {
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                Deployment deployment = client.apps()
                        .deployments()
                        .inNamespace(ns.name())
                        .withName("serving")
                        .get();
                boolean available = availableReplicas(deployment) >= 1;
                List<Pod> pods = client.pods()
                        .inNamespace(ns.name())
                        .withLabels(labels)
                        .list()
                        .getItems();
                pod = pods.isEmpty() ? null : pods.getFirst();
                boolean ready = pod != null && LocalNode.podReady(pod);
                String ip = pod == null || pod.getStatus() == null
                        ? null
                        : pod.getStatus().getPodIP();
                // Asked after the API said Ready/Available: if it said so, the process must already serve.
                Optional<ServingPods.VersionState> state = ip == null
                        ? Optional.empty()
                        : ServingPods.state(http, ip, ServingPods.HTTP_PORT, model.name());
                for (int retry = 0; (ready || available) && state.isEmpty() && retry < 3; retry++) {
                    // A loaded machine may let one request time out; a serving process answers the next.
                    state = ServingPods.state(http, ip, ServingPods.HTTP_PORT, model.name());
                }
                if (ready || available) {
                    assertThat(state)
                            .as(
                                    "what the pod answered after Kubernetes called it %s",
                                    available ? "Available" : "Ready")
                            .contains(new ServingPods.VersionState(1, "AVAILABLE"));
                }
                if (state.isPresent() && state.get().state().equals("LOADING")) {
                    sawLoadingWhileNotReady = true;
                }
                if (available) {
                    break;
                }
                Thread.sleep(100);
            }
        }

        assertThat(pod).isNotNull();
        Deployment deployment = client.apps()
                .deployments()
                .inNamespace(ns.name())
                .withName("serving")
                .get();
        assertThat(availableReplicas(deployment))
                .as("available replicas; serving log:\n%s", LocalNode.containerLog(pod, "server"))
                .isEqualTo(1);
        assertThat(sawLoadingWhileNotReady)
                .as("the pod answered LOADING on its own address while it was not yet Ready")
                .isTrue();
        pod = client.pods().resource(pod).get();
        assertThat(pod.getSpec().getNodeName()).isEqualTo(LocalNode.NAME);
        assertThat(pod.getStatus().getPodIP()).startsWith(LocalNode.POD_RANGE_PREFIX);
        assertThat(LocalNode.containerStatus(pod, "server").orElseThrow().getStarted())
                .isTrue();
        assertThat(LocalNode.containerLog(pod, "server"))
                .contains("Listening on: http://" + pod.getStatus().getPodIP() + ":8501")
                .contains("warming up")
                .contains("version 1 is serving");
    }

    @Test
    void deletingAPodStopsItsProcessAndRemovesThePod(LocalPlatform platform, KubernetesClient client, TestNamespace ns)
            throws IOException {
        NodeTrainedModel.Model model = NodeTrainedModel.get(platform);
        client.resource(ServingPods.pod(ns.name(), "doomed", ServingPods.container(model, 1, Map.of())))
                .create();
        Pod running = await().atMost(START_TIMEOUT)
                .until(
                        () -> client.pods()
                                .inNamespace(ns.name())
                                .withName("doomed")
                                .get(),
                        LocalNode::podReady);
        ProcessHandle process = LocalNode.containerProcess(running, "server").orElseThrow();
        String ip = running.getStatus().getPodIP();
        assertThat(process.isAlive()).isTrue();
        // The image's own Java runs as the image's user, inside the image's root filesystem.
        // Seen from the host, the executable is under the container's root (its overlay of the image).
        assertThat(process.info().commandLine())
                .get()
                .asString()
                .contains("/containers/server/root/opt/java/bin/java ")
                .endsWith(" -jar /app/quarkus-run.jar");
        assertThat(Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")))
                .anyMatch(line -> line.matches("Uid:\\s+10001\\s.*"));
        assertThat(Path.of("/proc", Long.toString(process.pid()), "root", "app", "quarkus-run.jar"))
                .isRegularFile();
        assertThat(listening(ip)).isTrue();

        client.pods().inNamespace(ns.name()).withName("doomed").delete();

        await().atMost(LocalNode.PATIENCE).untilAsserted(() -> {
            assertThat(process.isAlive()).as("process %d", process.pid()).isFalse();
            assertThat(client.pods().inNamespace(ns.name()).withName("doomed").get())
                    .as("the pod object, removed by the node once its process is gone")
                    .isNull();
        });
        assertThat(listening(ip))
                .as("anything listening on the pod's old address")
                .isFalse();
    }

    private static boolean listening(String ip) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ip, ServingPods.HTTP_PORT), 2_000);
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    private static int availableReplicas(Deployment deployment) {
        return deployment == null
                        || deployment.getStatus() == null
                        || deployment.getStatus().getAvailableReplicas() == null
                ? 0
                : deployment.getStatus().getAvailableReplicas();
    }
}
