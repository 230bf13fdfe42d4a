/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class PodViewsTest {

    @Test
    void unschedulablePodCarriesTheSchedulersMessage() {
        Pod pod = pod().editStatus()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.")
                .endCondition()
                .endStatus()
                .build();

        var view = PodViews.of(pod);

        assertThat(view.ready()).isFalse();
        assertThat(view.pair()).isEqualTo("v1-aaaaaaaa");
        assertThat(view.problem()).get().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("Unschedulable");
            assertThat(p.message()).contains("Insufficient nvidia.com/gpu");
        });
    }

    @Test
    void crashLoopingContainerIsAProblemAndAStartingOneIsNot() {
        Pod crashing = pod().editStatus()
                .withPhase("Running")
                .addNewContainerStatus()
                .withName("server")
                .withNewState()
                .withNewWaiting()
                .withReason("CrashLoopBackOff")
                .withMessage("back-off 20s restarting failed container")
                .endWaiting()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();
        Pod starting = pod().editStatus()
                .withPhase("Pending")
                .addNewContainerStatus()
                .withName("server")
                .withNewState()
                .withNewWaiting()
                .withReason("ContainerCreating")
                .endWaiting()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();

        assertThat(PodViews.of(crashing).problem())
                .get()
                .extracting(p -> p.reason())
                .isEqualTo("CrashLoopBackOff");
        assertThat(PodViews.of(starting).problem()).isEmpty();
    }

    @Test
    void readyPodHasItsAddress() {
        Pod ready = pod().editStatus()
                .withPhase("Running")
                .withPodIP("198.18.0.7")
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build();

        var view = PodViews.of(ready);

        assertThat(view.ready()).isTrue();
        assertThat(view.ip()).isEqualTo("198.18.0.7");
        assertThat(view.terminating()).isFalse();
    }

    @Test
    void nodeReasonsBecomeOneWord() {
        assertThat(RolloutConditions.word("OutOfnvidia.com/gpu")).isEqualTo("OutOfnvidiaComGpu");
        assertThat(RolloutConditions.word("Unschedulable")).isEqualTo("Unschedulable");
    }

    private static PodBuilder pod() {
        return new PodBuilder()
                .withNewMetadata()
                .withName("movies-blue-abc")
                .addToLabels("tandem.dev/pair", "v1-aaaaaaaa")
                .endMetadata()
                .withNewStatus()
                .endStatus();
    }
}
