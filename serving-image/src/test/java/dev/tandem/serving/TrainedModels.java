/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving;

import dev.tandem.api.mlflow.ModelUri;
import dev.tandem.trainer.cli.TrainerCli;
import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.dataset.SyntheticConfig;
import dev.tandem.trainer.dataset.SyntheticGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Trains small models with the trainer's own {@code train} command against the real MLflow, so serving tests
 * serve bundles the trainer wrote and registered.
 */
public final class TrainedModels {

    private static final Pattern REGISTERED = Pattern.compile("registered (\\S+) version (\\d+)");

    /**
     * @param name the registered model name
     * @param bundles the local bundle directory of each version, version 1 first
     */
    public record Trained(String name, List<Path> bundles) {

        public String uri(int version) {
            return ModelUri.of(name, String.valueOf(version)).toString();
        }

        public Path bundle(int version) {
            return bundles.get(version - 1);
        }
    }

    private TrainedModels() {}

    /** Trains {@code versions} versions (different seeds) of a new model on one synthetic dataset. */
    public static Trained train(URI mlflow, Path dir, String prefix, int versions) throws IOException {
        Dataset dataset = new SyntheticGenerator(
                        new SyntheticConfig(300, 400, 12_000, 6, 11, 1.0, 0.1, SyntheticConfig.DEFAULT_START, 40))
                .writeTo(dir.resolve("datasets"));
        String model = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<Path> bundles = new ArrayList<>();
        for (int v = 1; v <= versions; v++) {
            Path work = dir.resolve("work-" + v);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = TrainerCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute(
                    "train",
                    "--dataset",
                    dataset.directory().toString(),
                    "--mlflow",
                    mlflow.toString(),
                    "--model",
                    model,
                    "--epochs",
                    "2",
                    "--dim",
                    "16",
                    "--seed",
                    Integer.toString(v),
                    "--work-dir",
                    work.toString());
            Matcher m = REGISTERED.matcher(out.toString());
            if (exit != 0 || !m.find() || Integer.parseInt(m.group(2)) != v) {
                throw new IllegalStateException(
                        "training version " + v + " of " + model + " failed (exit " + exit + "): " + err + out);
            }
            bundles.add(work.resolve("bundle"));
        }
        return new Trained(model, bundles);
    }
}
