/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import dev.tandem.localnode.launch.ContainerConfigException;
import dev.tandem.localnode.launch.ImageLauncher;
import dev.tandem.localnode.launch.PathMapping;
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
import java.util.Map;
import java.util.Optional;

/**
 * Starts one container as a host process: finds the jar its image maps to, builds its environment and command
 * line, and launches it; or says why it cannot start, with the waiting reason the pod's status shows.
 */
final class ContainerStarter {

    /** The waiting reason of a container whose image the node has no launcher for. */
    static final String IMAGE_NOT_MAPPED = "ImageNotMapped";
    /** The waiting reason of a container whose image's jar is not built in the checkout. */
    static final String IMAGE_NOT_BUILT = "ImageNotBuilt";

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
        Optional<ImageLauncher> launcher = node.launchers().launcherFor(container.getImage());
        if (launcher.isEmpty()) {
            return new CannotStart(
                    IMAGE_NOT_MAPPED,
                    node.nodeName() + " runs pods as host processes and has no launcher for image "
                            + container.getImage() + "; it runs "
                            + String.join(", ", node.launchers().imageNames())
                            + " (any registry and tag)",
                    Duration.ofMinutes(1));
        }
        Optional<Path> jar = launcher.get().findJar(node.checkout());
        if (jar.isEmpty()) {
            return new CannotStart(
                    IMAGE_NOT_BUILT,
                    "image " + container.getImage() + " runs " + launcher.get().jarDescription()
                            + ", which is not built in " + node.checkout() + "; build it with "
                            + launcher.get().buildCommand(),
                    node.configRetry());
        }
        try {
            Optional<String> unsupported = unsupported(container);
            if (unsupported.isPresent()) {
                throw new ContainerConfigException(unsupported.get());
            }
            Map<String, String> env =
                    node.env().resolve(pod, container, new PodAddresses(podIp, node.hostIp()), node.allocatable());
            // The termination message path is mapped like a mount path: the process writes the file it names.
            PathMapping paths = VolumeSetup.mappingFor(container, volumes)
                    .with(TerminationMessage.path(container), dir.terminationMessageFile(container.getName()));
            dir.prepareContainer(container.getName());
            ProcessLaunch launch = node.planner()
                    .plan(
                            container,
                            launcher.get(),
                            jar.get(),
                            env,
                            paths,
                            podIp,
                            dir.containerTmp(container.getName()),
                            dir.containerDir(container.getName()));
            ContainerProcess process = ContainerProcess.start(
                    launch,
                    dir.log(container.getName()),
                    dir.pidFile(container.getName()),
                    dir.terminationMessageFile(container.getName()),
                    now,
                    onExit);
            return new Started(process, "file://" + jar.get().toAbsolutePath());
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
