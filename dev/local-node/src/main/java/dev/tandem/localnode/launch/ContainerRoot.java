/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host directories of one container's root filesystem: an overlay whose lower layer is the unpacked image
 * (shared by every container of that image, never written) and whose upper layer is the container's own.
 *
 * @param dir the container's directory in its pod's directory
 */
public record ContainerRoot(Path dir) {

    /** Where the container's writes to its root filesystem go. */
    public Path upper() {
        return dir.resolve("upper");
    }

    /** The overlay's scratch directory. */
    public Path work() {
        return dir.resolve("work");
    }

    /** Where the overlay is mounted (in the container's mount namespace only). */
    public Path merged() {
        return dir.resolve("root");
    }

    /** The container's {@code /etc/hosts}: its pod's name at its pod's address. */
    public Path hosts() {
        return dir.resolve("hosts");
    }

    /**
     * Makes the directories afresh (a restarted container starts from its image again, as in Kubernetes) and writes
     * its {@code /etc/hosts}.
     */
    public void prepare(String podName, String podIp) throws IOException {
        for (Path path : List.of(upper(), work())) {
            deleteTree(path);
            Files.createDirectories(path);
        }
        Files.createDirectories(merged());
        Files.writeString(
                hosts(),
                "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n" + podIp + "\t" + podName + "\n");
    }

    /** The script that makes the container's mounts and starts its command. */
    public Path startScript() {
        return dir.resolve("start.sh");
    }

    // The overlay's work directory holds a directory only root can enter; walking as root deletes it.
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
