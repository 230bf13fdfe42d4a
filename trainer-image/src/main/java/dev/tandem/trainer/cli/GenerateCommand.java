/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.cli;

import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.dataset.SyntheticConfig;
import dev.tandem.trainer.dataset.SyntheticGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: writes a synthetic dataset version. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Generate a deterministic synthetic watch log as a content-addressed dataset version.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            required = true,
            description = "Directory that holds dataset versions; the version is written to <out>/ds-…")
    Path out;

    @Option(
            names = "--size",
            defaultValue = "tiny",
            description =
                    "tiny, small, medium (100k items × 2M events) or large (1M items × 10M events). Default: ${DEFAULT-VALUE}")
    String size;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--users", description = "Override the preset's number of users")
    Integer users;

    @Option(names = "--items", description = "Override the preset's number of items")
    Integer items;

    @Option(names = "--events", description = "Override the preset's number of events")
    Integer events;

    @Option(names = "--genres", description = "Override the preset's number of genres")
    Integer genres;

    @Override
    public Integer call() throws Exception {
        SyntheticConfig preset = SyntheticConfig.preset(size, seed);
        SyntheticConfig config = new SyntheticConfig(
                users != null ? users : preset.users(),
                items != null ? items : preset.items(),
                events != null ? events : preset.events(),
                genres != null ? genres : preset.genres(),
                seed,
                preset.popularityExponent(),
                preset.newItemShare(),
                preset.startEpochSeconds(),
                preset.days());
        long started = System.nanoTime();
        Dataset dataset = new SyntheticGenerator(config).writeTo(out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                "dataset %s: %d events, %d users, %d items (%.1f s) in %s%n",
                dataset.version(),
                dataset.manifest().events(),
                dataset.manifest().users(),
                dataset.manifest().items(),
                (System.nanoTime() - started) / 1e9,
                dataset.directory());
        stdout.flush();
        return 0;
    }
}
