/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to start one container as a host process.
 *
 * @param command the program and its arguments
 * @param environment the whole environment of the process (nothing is inherited from the node agent)
 * @param workingDirectory where the process starts
 * @param script a script the command runs, written before it starts
 */
public record ProcessLaunch(
        List<String> command, Map<String, String> environment, Path workingDirectory, Optional<Script> script) {

    public ProcessLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** A plain command: nothing to write first. */
    public ProcessLaunch(List<String> command, Map<String, String> environment, Path workingDirectory) {
        this(command, environment, workingDirectory, Optional.empty());
    }

    /**
     * A script file a launch writes before it starts.
     *
     * @param file where it goes
     * @param text what it says
     */
    public record Script(Path file, String text) {}
}
