/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A pod's directory under the node's state directory, {@code pods/<namespace>_<name>_<uid>/}:
 * {@code volumes/<volume>/} for its volumes, {@code containers/<container>/} as each container's working directory
 * with its private {@code tmp/}, the {@code pid} file of its process and its {@code termination-log}, and
 * {@code logs/<container>.log}.
 *
 * @param root the pod's directory
 */
public record PodDirectory(Path root) {

    /** The directory of a pod under the node's {@code pods/} directory. */
    public static PodDirectory of(Path podsDir, Pod pod) {
        return new PodDirectory(podsDir.resolve(pod.getMetadata().getNamespace() + "_"
                + pod.getMetadata().getName() + "_" + pod.getMetadata().getUid()));
    }

    public Path volume(String name) {
        return root.resolve("volumes").resolve(name);
    }

    public Path volumes() {
        return root.resolve("volumes");
    }

    public Path containerDir(String container) {
        return root.resolve("containers").resolve(container);
    }

    public Path pidFile(String container) {
        return containerDir(container).resolve("pid");
    }

    /**
     * The host file the container's termination message path is mapped to; {@link #prepareContainer} empties it
     * before each run.
     */
    public Path terminationMessageFile(String container) {
        return containerDir(container).resolve("termination-log");
    }

    /** The container's log: the output of all its runs, each after a line that says when it started. */
    public Path log(String container) {
        return root.resolve("logs").resolve(container + ".log");
    }

    /**
     * Removes what belongs to the pod alone once it is gone, as a kubelet removes a pod's containers and
     * volumes: its {@code emptyDir} and written volumes and its containers' directories (their written layers too).
     * The logs stay for whoever investigates; hostPath and claimed volumes are elsewhere and stay.
     */
    public void removeAllButLogs() {
        for (Path dir : List.of(volumes(), root.resolve("containers"))) {
            if (!Files.exists(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + dir, e);
            }
        }
    }

    /**
     * Creates the directories a container needs before it starts, and an empty termination message file: a run
     * reports only the message it wrote itself.
     */
    public void prepareContainer(String container) {
        try {
            Files.createDirectories(containerDir(container));
            Files.createDirectories(log(container).getParent());
            Files.write(terminationMessageFile(container), new byte[0]);
            // The container's user, whoever it is, writes it, as it may write its /dev/termination-log.
            Files.setPosixFilePermissions(
                    terminationMessageFile(container), PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the directories of container " + container + " in " + root, e);
        }
    }
}
