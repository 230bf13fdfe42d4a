/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.node;

import dev.tandem.testing.LocalPlatformExtension;
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
 * The local node ({@code dev/node}) as integration tests use it: started once per test JVM with {@code dev/node up}
 * (the same command a user runs), pod specs placed on it the way a user places them, and what the node reports of
 * the pods it runs (container statuses, host processes, log files).
 *
 * <p>The script is found by walking up from the working directory (Maven runs each module's tests in the module's
 * directory), so the node runs the jars of the checkout under test.
 */
public final class LocalNode {

    /** The Node's name, {@code dev/node}'s default. */
    public static final String NAME = "local-0";

    /** The label the local node carries (value {@code true}), and the key of its {@code NoSchedule} taint. */
    public static final String LABEL = "tandem.dev/local-node";

    /** The first three octets of the addresses {@code dev/node} gives pods by default ({@code 198.18.0.0/24}). */
    public static final String POD_RANGE_PREFIX = "198.18.0.";

    /**
     * How long a test waits for what takes seconds to a minute on a free machine: long enough to outlast the
     * machine pausing the test's processes for minutes, as benchmarks sharing it do.
     */
    public static final Duration PATIENCE = Duration.ofMinutes(8);

    private static final String CONTAINER_ID_SCHEME = "process://";
    private static final String LOG_ANNOTATION_PREFIX = "log.tandem.dev/";

    private static boolean up;

    private LocalNode() {}

    /**
     * Brings the local platform up (as {@code @LocalPlatformTest} does), then runs {@code dev/node up}, once per JVM:
     * it builds nothing when the agent's jar is there and starts the agent unless it runs.
     *
     * @throws IllegalStateException when {@code dev/node up} fails, with its output
     */
    public static synchronized void up() {
        if (up) {
            return;
        }
        LocalPlatformExtension.platform();
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
    public static PodSpec placed(PodSpec spec) {
        return new PodSpecBuilder(spec)
                .addToNodeSelector(LABEL, "true")
                .addToTolerations(new TolerationBuilder()
                        .withKey(LABEL)
                        .withOperator("Exists")
                        .withEffect("NoSchedule")
                        .build())
                .build();
    }

    /**
     * The host process of a running container, from the {@code containerID} the node reports
     * ({@code process://<pid>}); empty when the container does not run or its process has exited.
     */
    public static Optional<ProcessHandle> containerProcess(Pod pod, String container) {
        return containerStatus(pod, container)
                .map(ContainerStatus::getContainerID)
                .filter(id -> id != null && id.startsWith(CONTAINER_ID_SCHEME))
                .flatMap(id -> ProcessHandle.of(Long.parseLong(id.substring(CONTAINER_ID_SCHEME.length()))));
    }

    /** The status of one of the pod's (regular) containers, if the pod's status has it yet. */
    public static Optional<ContainerStatus> containerStatus(Pod pod, String container) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(s -> s.getName().equals(container))
                .findFirst();
    }

    /** Whether the pod's {@code Ready} condition is {@code True}. */
    public static boolean podReady(Pod pod) {
        return podCondition(pod, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    /** The pod's condition of that type, if its status has one. */
    public static Optional<PodCondition> podCondition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream()
                .filter(c -> c.getType().equals(type))
                .findFirst();
    }

    /**
     * The container's log as the node wrote it (all its runs, each after a line the node writes when it starts
     * one), from the file the node names in the pod's {@code log.tandem.dev/<container>} annotation. Meant for
     * assertion messages and checks: when there is no such file it says why instead of throwing.
     */
    public static String containerLog(Pod pod, String container) {
        String path = pod.getMetadata().getAnnotations() == null
                ? null
                : pod.getMetadata().getAnnotations().get(LOG_ANNOTATION_PREFIX + container);
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
        throw new IllegalStateException("dev/node not found above "
                + Path.of("").toAbsolutePath() + "; run the tests from the Tandem checkout");
    }
}
