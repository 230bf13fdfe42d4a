/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTableTest {

    @Test
    void imageNameIgnoresRegistryPathTagAndDigest() {
        assertThat(ImageName.parse("tandem-serving").name()).isEqualTo("tandem-serving");
        assertThat(ImageName.parse("tandem-serving:0.1.0").name()).isEqualTo("tandem-serving");
        assertThat(ImageName.parse("ghcr.io/acme/tandem-serving:latest").name()).isEqualTo("tandem-serving");
        assertThat(ImageName.parse("localhost:5000/tandem-serving").name()).isEqualTo("tandem-serving");
        assertThat(ImageName.parse("registry:5000/a/b/tandem-trainer:1@sha256:abcd")
                        .name())
                .isEqualTo("tandem-trainer");
        assertThatThrownBy(() -> ImageName.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tandemImagesMapToTheirJarsAndNothingElseMaps() {
        LauncherTable table = LauncherTable.TANDEM;

        assertThat(table.launcherFor("ghcr.io/tandem-dev/tandem-serving:0.1.0"))
                .get()
                .satisfies(l -> {
                    assertThat(l.jarDirectory()).isEqualTo("serving-image/target/quarkus-app");
                    assertThat(l.jvmFlags()).contains("--add-modules", "jdk.incubator.vector");
                    assertThat(l.bindAddressProperties())
                            .containsExactly("quarkus.http.host", "quarkus.grpc.server.host");
                });
        assertThat(table.launcherFor("tandem-trainer:dev"))
                .get()
                .extracting(ImageLauncher::jarDirectory)
                .isEqualTo("trainer-image/target");
        assertThat(table.launcherFor("tandem-operator").orElseThrow().bindAddressProperties())
                .containsExactly("quarkus.http.host");
        assertThat(table.launcherFor("nginx:1.27")).isEmpty();
        assertThat(table.launcherFor("docker.io/library/tandem-serving-debug")).isEmpty();
        assertThat(table.imageNames()).containsExactly("tandem-operator", "tandem-serving", "tandem-trainer");
    }

    @Test
    void findsTheNewestMatchingJarButNoSideJar(@TempDir Path checkout) throws IOException {
        Path target = Files.createDirectories(checkout.resolve("trainer-image/target"));
        Path old = Files.createFile(target.resolve("tandem-trainer-0.0.9.jar"));
        Path current = Files.createFile(target.resolve("tandem-trainer-0.1.0-SNAPSHOT.jar"));
        Path sources = Files.createFile(target.resolve("tandem-trainer-0.1.0-SNAPSHOT-sources.jar"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(current, FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
        Files.setLastModifiedTime(sources, FileTime.from(Instant.parse("2026-03-01T00:00:00Z")));
        ImageLauncher trainer =
                LauncherTable.TANDEM.launcherFor("tandem-trainer").orElseThrow();

        assertThat(trainer.findJar(checkout)).contains(current);
        assertThat(LauncherTable.TANDEM
                        .launcherFor("tandem-serving")
                        .orElseThrow()
                        .findJar(checkout))
                .isEmpty();
    }
}
