/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.localnode.forward.EndpointAddress;
import dev.tandem.localnode.forward.ServiceForwarder;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.TestNamespace;
import dev.tandem.testing.node.LocalNode;
import dev.tandem.testing.node.NodeTrainedModel;
import dev.tandem.testing.node.ServingPods;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two serving pods on the local node get addresses of their own; the controller-manager puts them into the Service's
 * EndpointSlices, and the forwarder reaches both, following the slices as pods come and go.
 */
@LocalPlatformTest
class ServiceForwarderIT {

    private static final Pattern VERSION = Pattern.compile("\"version\":\"(\\d+)\"");

    @BeforeAll
    static void node() {
        LocalNode.up();
    }

    @Test
    void twoPodsGetTheirOwnAddressesAndBothAnswerThroughTheForwarder(
            LocalPlatform platform, KubernetesClient client, TestNamespace ns) throws IOException {
        NodeTrainedModel.Model model = NodeTrainedModel.get(platform);
        // Two pods of one Service serving different versions, so an answer tells which pod gave it.
        for (int version = 1; version <= 2; version++) {
            client.resource(ServingPods.deployment(
                            ns.name(),
                            "serving-v" + version,
                            Map.of("app", "recommend", "version", Integer.toString(version)),
                            ServingPods.container(model, version, Map.of())))
                    .create();
        }
        client.resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("recommend")
                        .withNamespace(ns.name())
                        .endMetadata()
                        .withNewSpec()
                        .addToSelector("app", "recommend")
                        .addNewPort()
                        .withName("http")
                        .withPort(80)
                        .withTargetPort(new IntOrString("http"))
                        .endPort()
                        .endSpec()
                        .build())
                .create();

        List<Pod> pods = await().atMost(LocalNode.PATIENCE)
                .until(
                        () -> client.pods()
                                .inNamespace(ns.name())
                                .withLabel("app", "recommend")
                                .list()
                                .getItems(),
                        ps -> ps.size() == 2 && ps.stream().allMatch(LocalNode::podReady));
        Set<String> ips = new HashSet<>();
        pods.forEach(p -> ips.add(p.getStatus().getPodIP()));
        assertThat(ips).hasSize(2).allSatisfy(ip -> assertThat(ip).startsWith(LocalNode.POD_RANGE_PREFIX));

        try (ServiceForwarder forwarder =
                ServiceForwarder.start(client, ns.name(), "recommend", "http", 0, endpoints -> {})) {
            await().atMost(LocalNode.PATIENCE)
                    .untilAsserted(() -> assertThat(forwarder.endpoints())
                            .extracting(EndpointAddress::ip)
                            .containsExactlyInAnyOrderElementsOf(ips));
            assertThat(forwarder.endpoints())
                    .allSatisfy(e -> assertThat(e.port()).isEqualTo(ServingPods.HTTP_PORT));

            Set<Integer> answered = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                answered.add(versionThrough(forwarder.localPort(), model.name()));
            }
            assertThat(answered)
                    .as("versions that answered through the forwarder")
                    .containsExactlyInAnyOrder(1, 2);

            client.apps()
                    .deployments()
                    .inNamespace(ns.name())
                    .withName("serving-v1")
                    .scale(0);

            await().atMost(LocalNode.PATIENCE).untilAsserted(() -> {
                assertThat(forwarder.endpoints()).hasSize(1);
                for (int i = 0; i < 4; i++) {
                    assertThat(versionThrough(forwarder.localPort(), model.name()))
                            .isEqualTo(2);
                }
            });
        }
    }

    /** One request on a connection of its own (the forwarder balances connections, not requests). */
    private static int versionThrough(int port, String model) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/models/" + model + " HTTP/1.1\r\nHost: recommend\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = VERSION.matcher(response);
            if (!m.find()) {
                throw new AssertionError("no version in the answer: " + response);
            }
            return Integer.parseInt(m.group(1));
        }
    }
}
