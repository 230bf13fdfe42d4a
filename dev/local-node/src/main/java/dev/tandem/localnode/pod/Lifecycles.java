/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The container lifecycle hooks the local node honours: a {@code preStop} that sleeps (the {@code sleep} action,
 * or an exec of {@code sleep N}, the usual way to let endpoints drain before SIGTERM). Other hooks would run code
 * inside an image the node does not have, so a container with one is refused.
 */
final class Lifecycles {

    private Lifecycles() {}

    /** Why the node cannot honour the container's hooks, or empty. */
    static Optional<String> unsupported(Container container) {
        Lifecycle lifecycle = container.getLifecycle();
        if (lifecycle == null) {
            return Optional.empty();
        }
        if (lifecycle.getPostStart() != null) {
            return Optional.of("container " + container.getName() + " has a postStart hook; the local node runs none");
        }
        if (lifecycle.getPreStop() != null && sleepOf(lifecycle.getPreStop()).isEmpty()) {
            return Optional.of("container " + container.getName()
                    + " has a preStop hook other than a sleep; the local node runs only sleeps");
        }
        return Optional.empty();
    }

    /** How long the container's {@code preStop} hook sleeps; zero without one. */
    static Duration preStopSleep(Container container) {
        Lifecycle lifecycle = container.getLifecycle();
        if (lifecycle == null || lifecycle.getPreStop() == null) {
            return Duration.ZERO;
        }
        return sleepOf(lifecycle.getPreStop()).orElse(Duration.ZERO);
    }

    private static Optional<Duration> sleepOf(LifecycleHandler handler) {
        if (handler.getSleep() != null && handler.getSleep().getSeconds() != null) {
            return Optional.of(Duration.ofSeconds(handler.getSleep().getSeconds()));
        }
        if (handler.getExec() != null && handler.getExec().getCommand() != null) {
            List<String> command = handler.getExec().getCommand();
            if (command.size() == 3
                    && List.of("sh", "/bin/sh", "bash", "/bin/bash").contains(command.get(0))
                    && command.get(1).equals("-c")) {
                command = List.of(command.get(2).strip().split("\\s+"));
            }
            if (command.size() == 2
                    && List.of("sleep", "/bin/sleep", "/usr/bin/sleep").contains(command.get(0))) {
                try {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(command.get(1))));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
