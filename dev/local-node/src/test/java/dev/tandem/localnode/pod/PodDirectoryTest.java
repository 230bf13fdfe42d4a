/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodDirectoryTest {

    @Test
    void aGonePodLeavesOnlyItsLogsBehindAndNeverTouchesAHostPath(@TempDir Path state) throws IOException {
        PodDirectory dir = PodDirectory.of(
                state.resolve("pods"),
                new PodBuilder()
                        .withNewMetadata()
                        .withNamespace("ns")
                        .withName("serving-0")
                        .withUid("u-1")
                        .endMetadata()
                        .build());
        Path hostPath = Files.createDirectories(state.resolve("host/index"));
        Files.writeString(hostPath.resolve("graph.jvector"), "graph");
        Files.createDirectories(dir.volume("scratch"));
        Files.writeString(dir.volume("scratch").resolve("f"), "x");
        dir.prepareContainer("server");
        Files.createDirectories(dir.containerDir("server").resolve("upper/tmp"));
        Files.writeString(dir.containerDir("server").resolve("upper/tmp/bundle.bin"), "big");
        Files.writeString(dir.log("server"), "log");

        dir.removeAllButLogs();

        assertThat(dir.root()).isEqualTo(state.resolve("pods/ns_serving-0_u-1"));
        assertThat(dir.volumes()).doesNotExist();
        assertThat(dir.containerDir("server")).doesNotExist();
        assertThat(dir.log("server")).hasContent("log");
        assertThat(hostPath.resolve("graph.jvector")).hasContent("graph");
    }

    @Test
    void eachRunStartsWithAnEmptyTerminationMessageFile(@TempDir Path state) throws IOException {
        PodDirectory dir = new PodDirectory(state.resolve("pods/ns_job_u-2"));
        dir.prepareContainer("job");
        Files.writeString(dir.terminationMessageFile("job"), "{\"items\":3}");

        dir.prepareContainer("job");

        assertThat(dir.terminationMessageFile("job"))
                .isEqualTo(dir.containerDir("job").resolve("termination-log"))
                .isEmptyFile();
    }
}
