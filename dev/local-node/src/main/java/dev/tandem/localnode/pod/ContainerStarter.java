/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import dev.tandem.localnode.image.ImageArchive;
import dev.tandem.localnode.image.UnpackedImage;
import dev.tandem.localnode.launch.ContainerConfigException;
import dev.tandem.localnode.launch.ContainerRoot;
import dev.tandem.localnode.launch.Mount;
import dev.tandem.localnode.launch.PodAddresses;
import dev.tandem.localnode.launch.ProcessLaunch;
import dev.tandem.localnode.probe.Prober;
import dev.tandem.localnode.volume.VolumeSetup;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts one container: finds its image among those the node has, unpacks it on first use, builds its environment,
 * mounts and command line, and launches it; or says why it cannot start, with the waiting reason the pod's status
 * shows.
 */
final class ContainerStarter {

    /**
     * The waiting reason of a container whose image the node does not have: it pulls from no registry, as a kubelet
     * with pull policy {@code Never} does not.
     */
    static final String IMAGE_NOT_PRESENT = "ErrImageNeverPull";
    /** The waiting reason of a container whose image cannot be unpacked (a damaged archive). */
    static final String IMAGE_INVALID = "InvalidImage";

    private final NodeContext node;

    ContainerStarter(NodeContext node) {
        this.node = node;
    }

    /** What became of a start. */
    sealed interface Outcome {}

    /** The process runs. */
    record Started(ContainerProcess process, String imageId) implements Outcome {}

    /** The container cannot start; another attempt is worth making after {@code retryAfter}. */
    record CannotStart(String reason, String message, Duration retryAfter) implements Outcome {}

    /**
     * @param podIp the pod's address
     * @param volumes the pod's volumes on the host
     * @param onExit called when the process exits
     */
    Outcome start(
            Pod pod,
            Container container,
            String podIp,
            Map<String, Path> volumes,
            PodDirectory dir,
            Instant now,
            Runnable onExit) {
        Optional<ImageArchive> archive;
        try {
            archive = node.images().find(container.getImage());
        } catch (IllegalArgumentException e) {
            return new CannotStart("InvalidImageName", e.getMessage(), Duration.ofMinutes(1));
        }
        if (archive.isEmpty()) {
            return new CannotStart(
                    IMAGE_NOT_PRESENT,
                    "image " + container.getImage() + " is not present on " + node.nodeName()
                            + ", which pulls from no registry; it has "
                            + String.join(", ", node.images().names())
                            + " (build Tandem's with ./mvnw package -Pimages, or load an archive with dev/node load)",
                    node.configRetry());
        }
        UnpackedImage image;
        try {
            image = node.images().unpack(archive.get());
        } catch (IOException e) {
            return new CannotStart(IMAGE_INVALID, e.getMessage(), Duration.ofMinutes(1));
        }
        try {
            Optional<String> unsupported = unsupported(container);
            if (unsupported.isPresent()) {
                throw new ContainerConfigException(unsupported.get());
            }
            Map<String, String> env =
                    node.env().resolve(pod, container, new PodAddresses(podIp, node.hostIp()), node.allocatable());
            dir.prepareContainer(container.getName());
            List<Mount> mounts = new ArrayList<>(VolumeSetup.mountsFor(container, pod, volumes));
            mounts.add(new Mount(
                    TerminationMessage.path(container), dir.terminationMessageFile(container.getName()), false));
            ContainerRoot root = new ContainerRoot(dir.containerDir(container.getName()));
            root.prepare(pod.getMetadata().getName(), podIp);
            ProcessLaunch launch = node.planner().plan(pod, container, image, env, mounts, podIp, root);
            ContainerProcess process = ContainerProcess.start(
                    launch,
                    dir.log(container.getName()),
                    dir.pidFile(container.getName()),
                    dir.terminationMessageFile(container.getName()),
                    now,
                    onExit);
            return new Started(process, image.imageId());
        } catch (ContainerConfigException e) {
            return new CannotStart(ContainerConfigException.REASON, e.getMessage(), node.configRetry());
        } catch (IOException e) {
            return new CannotStart(
                    "RunContainerError", "cannot start the process: " + e.getMessage(), node.configRetry());
        }
    }

    /** What in the container's spec the node cannot honour, if anything. */
    static Optional<String> unsupported(Container container) {
        String name = "container " + container.getName();
        return Prober.unsupported(container.getStartupProbe(), name + "'s startup probe")
                .or(() -> Prober.unsupported(container.getLivenessProbe(), name + "'s liveness probe"))
                .or(() -> Prober.unsupported(container.getReadinessProbe(), name + "'s readiness probe"))
                .or(() -> Lifecycles.unsupported(container))
                .or(() -> "Always".equals(container.getRestartPolicy())
                        ? Optional.of(name + " is a sidecar (an init container with restartPolicy Always); the local "
                                + "node does not run sidecars")
                        : Optional.empty());
    }
}
