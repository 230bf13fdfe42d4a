/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.it;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local node as the integration tests use it: started once per test JVM with {@code dev/node up} (the same
 * command a user runs), and pod specs placed on it the way a user places them.
 */
final class LocalNode {

    static final String NAME = "local-0";
    static final String LABEL = "tandem.dev/local-node";
    /** The default pod range of {@code dev/node}. */
    static final String POD_RANGE_PREFIX = "198.18.0.";

    /**
     * How long a test waits for what takes seconds to a minute on a free machine: long enough to outlast the
     * machine pausing the test's processes for minutes, as benchmarks sharing it do.
     */
    static final Duration PATIENCE = Duration.ofMinutes(8);

    private static boolean up;

    private LocalNode() {}

    /** Runs {@code dev/node up}: builds nothing when the jars are there, starts the agent unless it runs. */
    static synchronized void up() {
        if (up) {
            return;
        }
        Path script = script();
        try {
            Path output = Files.createTempFile("tandem-node-", ".log");
            try {
                Process process = new ProcessBuilder(script.toString(), "up")
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("dev/node up did not finish in 10 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("dev/node up failed: " + Files.readString(output));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        up = true;
    }

    /** The spec with the node selector and toleration that put its pod on the local node. */
    static PodSpec placed(PodSpec spec) {
        return new PodSpecBuilder(spec)
                .addToNodeSelector(LABEL, "true")
                .addToTolerations(new TolerationBuilder()
                        .withKey(LABEL)
                        .withOperator("Exists")
                        .withEffect("NoSchedule")
                        .build())
                .build();
    }

    /** The host process of a running container, from its {@code containerID} ({@code process://<pid>}). */
    static Optional<ProcessHandle> process(Pod pod, String container) {
        return status(pod, container)
                .map(ContainerStatus::getContainerID)
                .filter(id -> id != null && id.startsWith("process://"))
                .flatMap(id -> ProcessHandle.of(Long.parseLong(id.substring("process://".length()))));
    }

    static Optional<ContainerStatus> status(Pod pod, String container) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(s -> s.getName().equals(container))
                .findFirst();
    }

    static boolean ready(Pod pod) {
        return condition(pod, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    static Optional<PodCondition> condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream()
                .filter(c -> c.getType().equals(type))
                .findFirst();
    }

    /** The container's log file, which the node names in the pod's {@code log.tandem.dev/<container>} annotation. */
    static String log(Pod pod, String container) {
        String path = pod.getMetadata().getAnnotations() == null
                ? null
                : pod.getMetadata().getAnnotations().get("log.tandem.dev/" + container);
        if (path == null) {
            return "(no log annotation on " + pod.getMetadata().getName() + ")";
        }
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "(cannot read " + path + ": " + e + ")";
        }
    }

    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("dev/node");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "dev/node not found above " + Path.of("").toAbsolutePath());
    }
}
