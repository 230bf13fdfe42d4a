/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The commands of the serving image besides {@code serve}. */
@Command(
        name = "tandem-serving",
        mixinStandardHelpOptions = true,
        description = "Tandem serving image: serve (default), build-index, export-i2i.",
        subcommands = {BuildIndexCommand.class, ExportI2iCommand.class})
public final class ServingCli {

    /** The command that starts the server. */
    public static final String SERVE = "serve";

    private ServingCli() {}

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ServingCli());
        CommandLine.IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, args) -> {
            if (e.getCommandLine().getCommand() instanceof BuildIndexCommand) {
                BuildIndexCommand.reportParseFailure(e, args);
            }
            return standard.handleParseException(e, args);
        });
        return cli;
    }
}
