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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootPathTest {

    @TempDir
    Path rootfs;

    @Test
    void anAbsoluteLinkOfTheImageIsFollowedInsideTheImage() throws IOException {
        // Debian's layout: /var/run -> /run.
        Files.createDirectories(rootfs.resolve("run"));
        Files.createDirectories(rootfs.resolve("var"));
        Files.createSymbolicLink(rootfs.resolve("var/run"), Path.of("/run"));

        assertThat(RootPath.resolve(rootfs, "/var/run/secrets/kubernetes.io/serviceaccount"))
                .isEqualTo("/run/secrets/kubernetes.io/serviceaccount");
    }

    @Test
    void relativeLinksAndDotsNeverLeadAboveTheRoot() throws IOException {
        Files.createDirectories(rootfs.resolve("opt"));
        Files.createSymbolicLink(rootfs.resolve("opt/escape"), Path.of("../../../../etc"));

        assertThat(RootPath.resolve(rootfs, "/opt/escape/hosts")).isEqualTo("/etc/hosts");
        assertThat(RootPath.resolve(rootfs, "/../../tmp/./x")).isEqualTo("/tmp/x");
    }

    @Test
    void pathsWithoutLinksAreKeptAsTheyAre() {
        assertThat(RootPath.resolve(rootfs, "/var/lib/tandem/index")).isEqualTo("/var/lib/tandem/index");
    }

    @Test
    void aLinkLoopIsRefused() throws IOException {
        Files.createSymbolicLink(rootfs.resolve("a"), Path.of("/b"));
        Files.createSymbolicLink(rootfs.resolve("b"), Path.of("/a"));

        assertThatThrownBy(() -> RootPath.resolve(rootfs, "/a/x")).hasMessageContaining("too many symbolic links");
    }
}
