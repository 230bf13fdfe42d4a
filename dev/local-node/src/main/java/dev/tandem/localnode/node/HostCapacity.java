/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.node;

import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the host offers, reported as the node's capacity: its processors, its memory ({@code MemTotal}), the disk
 * under the node's state directory, and a kubelet's default of 110 pods.
 */
public final class HostCapacity {

    private static final long PODS = 110;

    private HostCapacity() {}

    /** The capacity of this host, with the disk measured where {@code stateDir} is. */
    public static Map<String, Quantity> of(Path stateDir) {
        Map<String, Quantity> capacity = new LinkedHashMap<>();
        capacity.put("cpu", new Quantity(Integer.toString(Runtime.getRuntime().availableProcessors())));
        memoryBytes().ifPresent(bytes -> capacity.put("memory", new Quantity(Long.toString(bytes / 1024) + "Ki")));
        try {
            long disk = Files.getFileStore(stateDir).getTotalSpace();
            capacity.put("ephemeral-storage", new Quantity(Long.toString(disk / 1024) + "Ki"));
        } catch (IOException e) {
            // No disk figure: the scheduler then simply does not account ephemeral storage on this node.
        }
        capacity.put("pods", new Quantity(Long.toString(PODS)));
        return capacity;
    }

    /** As strings, e.g. for resource references in the environment. */
    public static Map<String, String> asStrings(Map<String, Quantity> capacity) {
        Map<String, String> strings = new LinkedHashMap<>();
        capacity.forEach((name, q) -> strings.put(name, q.toString()));
        return strings;
    }

    static Optional<Long> memoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    String[] parts = line.split("\\s+");
                    return Optional.of(Long.parseLong(parts[1]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or an unreadable /proc: fall through.
        }
        return Optional.empty();
    }
}
