/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.cli;

import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.evaluate.EvaluationPipeline;
import dev.tandem.trainer.mlflow.MlflowClients;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code test}: offline metrics of a registered version on a dataset's holdout. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description =
                "Evaluate a registered model version on the time-split holdout (recall@10/50/100, NDCG@10, hit rate@10, coverage) next to popularity and co-occurrence baselines, and record the numbers in MLflow.")
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Registered model name")
    String model;

    @Option(names = "--version", required = true, description = "Model version to evaluate")
    String version;

    @Option(names = "--dataset", required = true, description = "Dataset version directory (…/ds-…)")
    Path dataset;

    @Option(names = "--mlflow", required = true, description = "MLflow tracking URI")
    URI mlflow;

    @Option(
            names = "--holdout",
            defaultValue = "0.1",
            description = "Share of the time span held out. Default: ${DEFAULT-VALUE}")
    double holdout;

    @Option(names = "--work-dir", description = "Where bundles are downloaded (default: a temporary directory)")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        Dataset data = Dataset.open(dataset);
        MlflowClients clients = MlflowClients.connect(mlflow);
        Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("tandem-test-");
        new EvaluationPipeline(
                        clients.rest(),
                        clients.artifacts(),
                        clients.tracking(),
                        spec.commandLine().getOut())
                .evaluate(model, version, data, holdout, work);
        return 0;
    }
}
