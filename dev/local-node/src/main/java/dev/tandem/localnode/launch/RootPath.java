/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A path inside a container as the container sees it, with the image's symbolic links followed inside the image's
 * root filesystem. A mount target must be resolved this way before the host's shell touches it: Debian's
 * {@code /var/run} is a link to {@code /run}, and {@code mkdir -p $root/var/run/secrets} would follow that absolute
 * link out of the container and make the directory on the host.
 */
final class RootPath {

    // As Linux: more links than this on one path is a loop.
    private static final int MAX_LINKS = 40;

    private RootPath() {}

    /**
     * @param rootfs the image's root filesystem
     * @param containerPath an absolute path in the container
     * @return the same place as an absolute path without symbolic links of the image, never above {@code /}
     * @throws IllegalArgumentException when the links loop
     */
    static String resolve(Path rootfs, String containerPath) {
        Deque<String> pending = new ArrayDeque<>(components(containerPath));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String component = pending.pollFirst();
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.removeLast();
                }
                continue;
            }
            Path candidate = rootfs.resolve(String.join("/", resolved)).resolve(component);
            if (!Files.isSymbolicLink(candidate)) {
                resolved.add(component);
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new IllegalArgumentException("too many symbolic links in " + containerPath);
            }
            String target = readLink(candidate);
            if (target.startsWith("/")) {
                resolved.clear();
            }
            List<String> targetComponents = components(target);
            for (int i = targetComponents.size() - 1; i >= 0; i--) {
                pending.addFirst(targetComponents.get(i));
            }
        }
        return "/" + String.join("/", resolved);
    }

    private static List<String> components(String path) {
        return List.of(path.split("/"));
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
