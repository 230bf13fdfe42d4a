/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * A picocli command line run in the test's JVM, and what it printed: for tests of a module's own CLI (the trainer's,
 * the serving image's commands), which assert on exit statuses and output.
 *
 * @param exitCode the exit status the command line mapped the run to
 * @param out what it printed to standard output
 * @param err what it printed to standard error
 */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code args} on {@code cli}, with its output and error streams caught. */
    public static CliRun of(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
