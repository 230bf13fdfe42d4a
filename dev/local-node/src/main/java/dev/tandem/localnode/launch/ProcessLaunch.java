/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to start one container as a host process.
 *
 * @param command the program and its arguments
 * @param environment the whole environment of the process (nothing is inherited from the node agent)
 * @param workingDirectory where the process starts
 */
public record ProcessLaunch(List<String> command, Map<String, String> environment, Path workingDirectory) {

    public ProcessLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
