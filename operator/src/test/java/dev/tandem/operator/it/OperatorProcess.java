/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.it;

import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.operator.LocalPlatformResource;
import dev.tandem.testing.LocalPlatform;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged operator ({@code target/quarkus-app/quarkus-run.jar}) as a process of its own, pointed at the local
 * platform: what a user deploys, started, stopped and killed by the tests (a restart mid-swap is one of them). It
 * reconciles only resources labelled {@link LocalPlatformResource#INSTANCE_LABEL} with a value of its own: the
 * operator that Quarkus integration tests in the same JVM start uses another, so the two never share a resource.
 */
public final class OperatorProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String INSTANCE =
            "proc-" + UUID.randomUUID().toString().substring(0, 8);

    private final LocalPlatform platform;
    private final Map<String, String> settings;
    private final Path log;
    private final int port;
    private Process process;

    private OperatorProcess(LocalPlatform platform, Map<String, String> settings) {
        this.platform = platform;
        this.settings = settings;
        this.port = freePort();
        this.log = Path.of("target", "operator-" + INSTANCE + "-" + port + ".log");
    }

    /** Installs the CRDs and starts the operator; returns once it reports ready. */
    public static OperatorProcess start(LocalPlatform platform, Map<String, String> settings) {
        try (KubernetesClient client = platform.newKubernetesClient()) {
            TandemCrds.install(client);
        }
        OperatorProcess operator = new OperatorProcess(platform, settings);
        operator.launch();
        return operator;
    }

    /** The labels a resource needs for this operator to reconcile it. */
    public static Map<String, String> instanceLabels() {
        return Map.of(LocalPlatformResource.INSTANCE_LABEL, INSTANCE);
    }

    /** Kills the process without warning (SIGKILL), as a node failure or OOM kill would. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** Starts the operator again after {@link #kill}. */
    public void restart() {
        launch();
    }

    /** The operator's metrics endpoint, {@code /q/metrics}. */
    public URI metrics() {
        return URI.create("http://127.0.0.1:" + port + "/q/metrics");
    }

    /** The process, for its CPU time. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The operator's log so far, for assertion messages. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /**
     * Deletes what the tests left for this operator and waits until its finalizers have run, then stops it: a
     * Rollout whose operator is gone keeps its finalizer, and its namespace would never finish terminating.
     */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try (KubernetesClient client = platform.newKubernetesClient()) {
            var rollouts = client.resources(Rollout.class).inAnyNamespace().withLabels(instanceLabels());
            rollouts.delete();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (!rollouts.list().getItems().isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
        waitFor();
    }

    private void launch() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-Dkubeconfig=" + platform.kubeconfig());
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        LocalPlatformResource.scopedTo(INSTANCE).forEach((key, value) -> command.add("-D" + key + "=" + value));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(Path.of("target", "quarkus-app", "quarkus-run.jar")
                .toAbsolutePath()
                .toString());
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    private void awaitReady() {
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the operator exited with " + process.exitValue() + ":\n" + log());
                }
                try {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(ready)
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the operator was not ready within " + START_TIMEOUT + ":\n" + log());
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
