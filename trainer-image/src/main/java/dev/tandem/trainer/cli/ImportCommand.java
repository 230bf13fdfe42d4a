/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.cli;

import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.dataset.RatingsImporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code import}: turns a MovieLens-style ratings file into a dataset version. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import user,item,rating,timestamp data (u.data, ratings.dat, ratings.csv) as a dataset version.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ratings", required = true, description = "The ratings file (tab, '::' or comma separated)")
    Path ratings;

    @Option(names = "--movies", description = "Optional item table: movies.csv or movies.dat")
    Path movies;

    @Option(names = "--out", required = true, description = "Directory that holds dataset versions")
    Path out;

    @Option(
            names = "--max-malformed",
            defaultValue = "0.01",
            description = "Fail when more than this share of lines is malformed. Default: ${DEFAULT-VALUE}")
    double maxMalformed;

    @Override
    public Integer call() throws Exception {
        RatingsImporter.Parsed parsed = RatingsImporter.read(ratings, Optional.ofNullable(movies));
        PrintWriter stdout = spec.commandLine().getOut();
        print(stdout, "ratings", parsed.ratings());
        parsed.items().ifPresent(items -> print(stdout, "items", items));
        stdout.flush();
        RatingsImporter.Report report = parsed.ratings();
        if (report.lines() == 0 || (double) report.malformedTotal() / report.lines() > maxMalformed) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "import: %d of %d lines malformed (limit --max-malformed %.3f); nothing was written%n",
                            report.malformedTotal(), report.lines(), maxMalformed);
            spec.commandLine().getErr().flush();
            return ExitCodes.INVALID_DATA;
        }
        Dataset dataset = parsed.writeTo(out);
        stdout.printf(
                "dataset %s: %d events, %d users, %d items in %s%n",
                dataset.version(),
                dataset.manifest().events(),
                dataset.manifest().users(),
                dataset.manifest().items(),
                dataset.directory());
        stdout.flush();
        return 0;
    }

    private static void print(PrintWriter out, String what, RatingsImporter.Report report) {
        out.printf(
                "%s: %d lines, %d imported, %d malformed%n",
                what, report.lines(), report.imported(), report.malformedTotal());
        for (Map.Entry<String, Long> reason : report.malformed().entrySet()) {
            out.printf("  %6d × %s%n", reason.getValue(), reason.getKey());
        }
        report.examples().forEach(example -> out.println("  e.g. " + example));
    }
}
