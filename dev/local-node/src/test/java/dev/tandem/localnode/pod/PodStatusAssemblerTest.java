/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import static dev.tandem.localnode.pod.PodPhasesTest.exited;
import static dev.tandem.localnode.pod.PodPhasesTest.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodStatusAssemblerTest {

    private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-01T10:00:30Z");

    @Test
    void aRunningPodIsReadyOnlyWhenEveryContainerIsReady() {
        Pod pod = pod("Always", null);

        PodStatus notReady =
                PodStatusAssembler.build(pod, input(List.of(ready("a", true), ready("b", false))), STARTED);

        assertThat(notReady.getPhase()).isEqualTo("Running");
        assertThat(notReady.getPodIP()).isEqualTo("127.200.0.5");
        assertThat(notReady.getPodIPs()).extracting(p -> p.getIp()).containsExactly("127.200.0.5");
        assertThat(notReady.getHostIP()).isEqualTo("127.0.0.1");
        assertThat(notReady.getStartTime()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(condition(notReady, "PodScheduled").getStatus()).isEqualTo("True");
        assertThat(condition(notReady, "PodReadyToStartContainers").getStatus()).isEqualTo("True");
        assertThat(condition(notReady, "Initialized").getStatus()).isEqualTo("True");
        assertThat(condition(notReady, "Ready")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("ContainersNotReady");
            assertThat(c.getMessage()).isEqualTo("containers with unready status: [b]");
        });

        PodStatus ready = PodStatusAssembler.build(
                pod("Always", notReady), input(List.of(ready("a", true), ready("b", true))), LATER);

        assertThat(condition(ready, "Ready").getStatus()).isEqualTo("True");
        assertThat(condition(ready, "Ready").getLastTransitionTime()).isEqualTo("2026-03-01T10:00:30Z");
        assertThat(condition(ready, "ContainersReady").getStatus()).isEqualTo("True");
        // Conditions that did not flip keep their transition time.
        assertThat(condition(ready, "Initialized").getLastTransitionTime()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(condition(ready, "PodScheduled").getLastTransitionTime()).isEqualTo("2026-03-01T09:59:59Z");
    }

    @Test
    void aCompletedPodIsNotReadyBecauseItCompleted() {
        PodStatus status = PodStatusAssembler.build(pod("Never", null), input(List.of(exited("a", 0))), LATER);

        assertThat(status.getPhase()).isEqualTo("Succeeded");
        assertThat(condition(status, "Ready").getReason()).isEqualTo("PodCompleted");
        assertThat(condition(status, "PodReadyToStartContainers").getStatus()).isEqualTo("False");
    }

    @Test
    void aRejectedPodCarriesItsReasonAndMessage() {
        PodStatusInput rejected = new PodStatusInput(
                "Failed", "OutOfnvidia.com/gpu", "no GPU here", "127.0.0.1", null, STARTED, List.of(), List.of());

        PodStatus status = PodStatusAssembler.build(pod("Always", null), rejected, STARTED);

        assertThat(status.getPhase()).isEqualTo("Failed");
        assertThat(status.getReason()).isEqualTo("OutOfnvidia.com/gpu");
        assertThat(status.getMessage()).isEqualTo("no GPU here");
        assertThat(status.getPodIP()).isNull();
    }

    @Test
    void initContainersStillRunningKeepThePodUninitialized() {
        PodStatusInput input = new PodStatusInput(
                null, null, null, "127.0.0.1", "127.200.0.5", STARTED, List.of(running("init")), List.of());

        PodStatus status = PodStatusAssembler.build(pod("Always", null), input, STARTED);

        assertThat(status.getPhase()).isEqualTo("Pending");
        assertThat(condition(status, "Initialized").getMessage())
                .isEqualTo("containers with incomplete status: [init]");
    }

    @Test
    void aReadinessGateMustBeTrueToo() {
        Pod gated = new PodBuilder(pod("Always", null))
                .editSpec()
                .addNewReadinessGate("tandem.dev/analysed")
                .endSpec()
                .build();

        PodStatus status = PodStatusAssembler.build(gated, input(List.of(ready("a", true))), STARTED);

        assertThat(condition(status, "ContainersReady").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Ready").getReason()).isEqualTo("ReadinessGatesNotReady");
    }

    private static PodStatusInput input(List<ContainerStatus> containers) {
        return new PodStatusInput(null, null, null, "127.0.0.1", "127.200.0.5", STARTED, List.of(), containers);
    }

    private static ContainerStatus ready(String name, boolean ready) {
        return new ContainerStatusBuilder(running(name)).withReady(ready).build();
    }

    private static Pod pod(String restartPolicy, PodStatus previous) {
        PodStatus status = previous != null
                ? previous
                : new io.fabric8.kubernetes.api.model.PodStatusBuilder()
                        .addNewCondition()
                        .withType("PodScheduled")
                        .withStatus("True")
                        .withLastTransitionTime("2026-03-01T09:59:59Z")
                        .endCondition()
                        .withQosClass("Burstable")
                        .build();
        return new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .withNamespace("ns")
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy(restartPolicy)
                .withNodeName("local-0")
                .endSpec()
                .withStatus(status)
                .build();
    }

    private static PodCondition condition(PodStatus status, String type) {
        return status.getConditions().stream()
                .filter(c -> c.getType().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + status.getConditions()));
    }
}
