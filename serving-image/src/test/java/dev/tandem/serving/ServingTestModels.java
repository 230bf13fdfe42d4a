/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving;

import dev.tandem.testing.trainer.TrainedVersions;
import dev.tandem.testing.trainer.TrainerLauncher;
import dev.tandem.trainer.cli.TrainerCli;
import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.dataset.SyntheticConfig;
import dev.tandem.trainer.dataset.SyntheticGenerator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The versions serving tests serve: bundles the trainer's own {@code train} command wrote and registered in the real
 * MLflow, in the test's JVM, on the dataset the serving tests' numbers are about (400 items).
 */
public final class ServingTestModels {

    private ServingTestModels() {}

    /** Trains {@code versions} versions (different seeds) of a new model on one synthetic dataset in {@code dir}. */
    public static TrainedVersions train(URI mlflow, Path dir, String prefix, int versions) throws IOException {
        Dataset dataset = new SyntheticGenerator(
                        new SyntheticConfig(300, 400, 12_000, 6, 11, 1.0, 0.1, SyntheticConfig.DEFAULT_START, 40))
                .writeTo(dir.resolve("datasets"));
        return TrainedVersions.train(
                TrainerLauncher.inProcess(dir, TrainerCli::commandLine), mlflow, dataset.directory(), prefix, versions);
    }
}
