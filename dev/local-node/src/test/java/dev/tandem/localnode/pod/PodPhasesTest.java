/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodPhasesTest {

    static ContainerStatus running(String name) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withState(new ContainerStateBuilder()
                        .withNewRunning("2026-01-01T00:00:00Z")
                        .build())
                .build();
    }

    static ContainerStatus waiting(String name, String reason) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withState(
                        new ContainerStateBuilder().withNewWaiting(null, reason).build())
                .build();
    }

    static ContainerStatus exited(String name, int code) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withState(new ContainerStateBuilder()
                        .withNewTerminated()
                        .withExitCode(code)
                        .endTerminated()
                        .build())
                .build();
    }

    static ContainerStatus crashLooping(String name) {
        return new ContainerStatusBuilder(waiting(name, "CrashLoopBackOff"))
                .withLastState(new ContainerStateBuilder()
                        .withNewTerminated()
                        .withExitCode(1)
                        .endTerminated()
                        .build())
                .build();
    }

    @Test
    void pendingUntilEveryContainerHasStarted() {
        assertThat(PodPhases.of("Always", List.of(), List.of(running("a"), waiting("b", "ContainerCreating"))))
                .isEqualTo("Pending");
        assertThat(PodPhases.of("Always", List.of(), List.of(waiting("a", "ImageNotMapped"))))
                .isEqualTo("Pending");
        assertThat(PodPhases.of("Always", List.of(running("init")), List.of(waiting("a", "PodInitializing"))))
                .isEqualTo("Pending");
    }

    @Test
    void runningWhileAnyContainerRunsOrRestarts() {
        assertThat(PodPhases.of("Always", List.of(exited("init", 0)), List.of(running("a"))))
                .isEqualTo("Running");
        assertThat(PodPhases.of("Always", List.of(), List.of(crashLooping("a"))))
                .isEqualTo("Running");
        assertThat(PodPhases.of("OnFailure", List.of(), List.of(crashLooping("a"))))
                .isEqualTo("Running");
    }

    @Test
    void jobPodsEndWithTheirContainersExitCodes() {
        assertThat(PodPhases.of("Never", List.of(), List.of(exited("a", 0)))).isEqualTo("Succeeded");
        assertThat(PodPhases.of("OnFailure", List.of(), List.of(exited("a", 0), exited("b", 0))))
                .isEqualTo("Succeeded");
        assertThat(PodPhases.of("Never", List.of(), List.of(exited("a", 0), exited("b", 2))))
                .isEqualTo("Failed");
        assertThat(PodPhases.of("Never", List.of(exited("init", 3)), List.of(waiting("a", "PodInitializing"))))
                .isEqualTo("Failed");
        assertThat(PodPhases.of("OnFailure", List.of(exited("init", 3)), List.of(waiting("a", "PodInitializing"))))
                .isEqualTo("Pending");
    }
}
