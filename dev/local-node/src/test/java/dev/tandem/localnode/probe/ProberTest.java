/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Probes a real HTTP server on a loopback address other than 127.0.0.1, as pods have. */
class ProberTest {

    private static final String POD_IP = "127.200.255.1";

    private HttpServer server;
    private Prober prober;
    private Container container;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(POD_IP), 0), 0);
        server.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/loading", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        prober = new Prober();
        container = new ContainerBuilder()
                .withName("server")
                .addNewPort()
                .withName("http")
                .withContainerPort(server.getAddress().getPort())
                .endPort()
                .build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        prober.close();
    }

    @Test
    void httpGetPassesOn2xxAndFailsOtherwise() {
        assertThat(prober.run(httpGet("/ready", new IntOrString("http")), container, POD_IP, Duration.ofSeconds(2))
                        .success())
                .isTrue();
        ProbeResult loading =
                prober.run(httpGet("/loading", new IntOrString("http")), container, POD_IP, Duration.ofSeconds(2));
        assertThat(loading.success()).isFalse();
        assertThat(loading.detail()).isEqualTo("HTTP probe failed with statuscode: 503");
    }

    @Test
    void probesGoToThePodsOwnAddress() {
        ProbeResult elsewhere = prober.run(
                httpGet("/ready", new IntOrString(server.getAddress().getPort())),
                container,
                "127.200.255.2",
                Duration.ofSeconds(2));

        assertThat(elsewhere.success()).isFalse();
        assertThat(elsewhere.detail()).startsWith("Get \"http://127.200.255.2:");
    }

    @Test
    void tcpProbePassesWhenThePortAccepts() throws IOException {
        Probe open = new ProbeBuilder()
                .withNewTcpSocket()
                .withPort(new IntOrString(server.getAddress().getPort()))
                .endTcpSocket()
                .build();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(POD_IP))) {
            closedPort = socket.getLocalPort();
        }
        Probe closed = new ProbeBuilder()
                .withNewTcpSocket()
                .withPort(new IntOrString(closedPort))
                .endTcpSocket()
                .build();

        assertThat(prober.run(open, container, POD_IP, Duration.ofSeconds(1)).success())
                .isTrue();
        assertThat(prober.run(closed, container, POD_IP, Duration.ofSeconds(1)).success())
                .isFalse();
    }

    @Test
    void execProbesAreNamedAsUnsupported() {
        Probe exec = new ProbeBuilder()
                .withNewExec()
                .withCommand("cat", "/tmp/ready")
                .endExec()
                .build();

        assertThat(Prober.unsupported(exec, "container server's readiness probe"))
                .contains("container server's readiness probe is an exec probe; the local node runs only httpGet "
                        + "and tcpSocket probes");
        assertThat(Prober.unsupported(httpGet("/", new IntOrString(1)), "x")).isEmpty();
    }

    private static Probe httpGet(String path, IntOrString port) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withPort(port)
                .endHttpGet()
                .build();
    }
}
