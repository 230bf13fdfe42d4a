/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The trainer image's command line. Exit codes a CI job or a Kubernetes Job can act on are listed in
 * {@link ExitCodes}.
 */
@Command(
        name = "tandem-trainer",
        mixinStandardHelpOptions = true,
        versionProvider = TrainerVersion.class,
        description = "Datasets, training, offline evaluation and promotion decisions for Tandem models.",
        subcommands = {
            GenerateCommand.class,
            ImportCommand.class,
            TrainCommand.class,
            TestCommand.class,
            DecideCommand.class,
            BenchmarkCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:unexpected failure (a bug; the stack trace is printed)",
            "2:invalid command line",
            "3:invalid input data (dataset or bundle fails its checks)",
            "4:an external service (MLflow) refused or is unreachable",
            "5:decide: the candidate lost and was archived"
        })
public final class TrainerCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Tandem's exit-code mapping; tests run commands through it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new TrainerCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(ExitCodes::of)
                .setParameterExceptionHandler(TrainerCli::usageThenError);
    }

    /**
     * A bad command line prints the command's usage and then what was wrong: a Job's termination message keeps only
     * the end of the output (the last 80 lines, 2048 bytes), so the error must come last to be seen there.
     */
    private static int usageThenError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        command.usage(err, command.getColorScheme());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println(command.getColorScheme().errorText(e.getMessage()));
        err.flush();
        return ExitCodes.of(e);
    }
}
