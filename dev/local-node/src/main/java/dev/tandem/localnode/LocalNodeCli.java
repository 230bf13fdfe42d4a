/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tandem-local-node}: the node agent ({@code run}) and the Service forwarder ({@code forward}). */
@Command(
        name = "tandem-local-node",
        mixinStandardHelpOptions = true,
        description = "Dev and test tooling: a node that runs pods as host processes, and a Service forwarder.",
        subcommands = {RunCommand.class, ForwardCommand.class})
public final class LocalNodeCli {

    private LocalNodeCli() {}

    public static void main(String... args) {
        int exit = new CommandLine(new LocalNodeCli()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
