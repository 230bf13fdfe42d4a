/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.trainer;

import dev.tandem.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The trainer's command line in the test's JVM. */
final class InProcessTrainer extends TrainerLauncher {

    private final Supplier<CommandLine> cli;

    InProcessTrainer(Path workspace, Supplier<CommandLine> cli) {
        super(workspace);
        this.cli = cli;
    }

    @Override
    public String run(String name, List<String> args) {
        CliRun run = CliRun.of(cli.get(), args.toArray(String[]::new));
        if (run.exitCode() != 0) {
            throw new IllegalStateException(
                    "trainer " + name + " exited with " + run.exitCode() + ":\n" + run.err() + run.out());
        }
        return run.out();
    }
}
