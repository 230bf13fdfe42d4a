/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodAdmissionTest {

    private final PodAdmission admission = new PodAdmission(
            "local-0", Map.of("cpu", new Quantity("2"), "memory", new Quantity("24Gi"), "pods", new Quantity("110")));

    @Test
    void aGpuRequestIsRefusedWithTheKubeletsReasonAndAPointerToTheGpuNodes() {
        assertThat(admission.check(pod(Map.of("nvidia.com/gpu", new Quantity("1")))))
                .get()
                .satisfies(r -> {
                    assertThat(r.reason()).isEqualTo("OutOfnvidia.com/gpu");
                    assertThat(r.message())
                            .contains("local-0 runs pods as host processes and has no nvidia.com/gpu")
                            .contains("container server")
                            .contains("simulated GPU nodes");
                });
    }

    @Test
    void cpuMemoryAndAZeroGpuLimitAreFine() {
        assertThat(admission.check(pod(Map.of(
                        "cpu", new Quantity("500m"),
                        "memory", new Quantity("1Gi"),
                        "ephemeral-storage", new Quantity("1Gi"),
                        "nvidia.com/gpu", new Quantity("0")))))
                .isEmpty();
    }

    private static Pod pod(Map<String, Quantity> limits) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .withNamespace("ns")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("server")
                .withImage("tandem-serving")
                .withNewResources()
                .withLimits(limits)
                .endResources()
                .endContainer()
                .endSpec()
                .build();
    }
}
