/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalNodeTest {

    @Test
    void placedAddsTheNodeSelectorAndTolerationAndKeepsTheRest() {
        PodSpec spec = new PodSpecBuilder()
                .addToNodeSelector("zone", "a")
                .addToTolerations(new TolerationBuilder()
                        .withKey("other")
                        .withOperator("Exists")
                        .build())
                .withRestartPolicy("Never")
                .build();

        PodSpec placed = LocalNode.placed(spec);

        assertThat(placed.getNodeSelector()).containsEntry("zone", "a").containsEntry("tandem.dev/local-node", "true");
        assertThat(placed.getTolerations())
                .extracting(t -> t.getKey() + "/" + t.getOperator() + "/" + t.getEffect())
                .containsExactly("other/Exists/null", "tandem.dev/local-node/Exists/NoSchedule");
        assertThat(placed.getRestartPolicy()).isEqualTo("Never");
        assertThat(spec.getNodeSelector()).doesNotContainKey("tandem.dev/local-node");
    }

    @Test
    void theContainerProcessComesFromTheContainerId() {
        long pid = ProcessHandle.current().pid();
        Pod pod = pod("process://" + pid, "True");

        assertThat(LocalNode.containerProcess(pod, "server")).contains(ProcessHandle.current());
        assertThat(LocalNode.containerProcess(pod, "other")).isEmpty();
        assertThat(LocalNode.containerProcess(pod("containerd://abc", "True"), "server"))
                .isEmpty();
    }

    @Test
    void readinessIsTheReadyCondition() {
        assertThat(LocalNode.podReady(pod(null, "True"))).isTrue();
        assertThat(LocalNode.podReady(pod(null, "False"))).isFalse();
        assertThat(LocalNode.podReady(new PodBuilder()
                        .withNewMetadata()
                        .withName("p")
                        .endMetadata()
                        .build()))
                .isFalse();
    }

    @Test
    void theContainerLogIsTheAnnotatedFileOrWhyThereIsNone(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("server.log"), "started\n");
        Pod pod = new PodBuilder(pod(null, "True"))
                .editMetadata()
                .addToAnnotations("log.tandem.dev/server", log.toString())
                .addToAnnotations("log.tandem.dev/gone", dir.resolve("gone.log").toString())
                .endMetadata()
                .build();

        assertThat(LocalNode.containerLog(pod, "server")).isEqualTo("started\n");
        assertThat(LocalNode.containerLog(pod, "gone")).startsWith("(cannot read " + dir.resolve("gone.log"));
        assertThat(LocalNode.containerLog(pod, "other")).isEqualTo("(no log annotation on p)");
    }

    private static Pod pod(String containerId, String ready) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready)
                .endCondition()
                .addNewContainerStatus()
                .withName("server")
                .withContainerID(containerId)
                .endContainerStatus()
                .endStatus()
                .build();
    }
}
