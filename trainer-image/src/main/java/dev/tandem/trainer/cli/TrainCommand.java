/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.api.trainer.TrainSummary;
import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.mlflow.MlflowClients;
import dev.tandem.trainer.model.ModelParams;
import dev.tandem.trainer.train.TrainingPipeline;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code train}: trains on a dataset version and registers the bundle as a new MLflow model version. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train the YouTube-DNN retrieval model on a dataset version and register it in MLflow.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, description = "Dataset version directory (…/ds-…)")
    Path dataset;

    @Option(names = "--mlflow", required = true, description = "MLflow tracking URI, e.g. http://127.0.0.1:25000")
    URI mlflow;

    @Option(names = "--model", required = true, description = "Registered model name")
    String model;

    @Option(names = "--epochs", description = "Passes over the training examples")
    Integer epochs;

    @Option(names = "--dim", description = "User and item vector dimension")
    Integer dim;

    @Option(names = "--history-length", description = "Recent items the user tower reads")
    Integer historyLength;

    @Option(names = "--batch-size", description = "Examples per step")
    Integer batchSize;

    @Option(names = "--learning-rate", description = "Adam learning rate")
    Float learningRate;

    @Option(names = "--softmax", description = "full or sampled (default: full up to 20000 items)")
    ModelParams.Softmax softmax;

    @Option(names = "--negatives", description = "Sampled negatives per step (sampled softmax)")
    Integer negatives;

    @Option(names = "--seed", description = "Seed of initialisation, shuffling and sampling")
    Long seed;

    @Option(
            names = "--holdout",
            defaultValue = "0.1",
            description = "Share of the time span held out for evaluation. Default: ${DEFAULT-VALUE}")
    double holdout;

    @Option(names = "--work-dir", description = "Where the bundle is assembled (default: a temporary directory)")
    Path workDir;

    @Option(
            names = "--summary",
            paramLabel = "<file>",
            description = "Once the version is registered, write one line of JSON describing it to this file"
                    + " (for example /dev/termination-log): modelName, version, runId, bundleUri, bundleDirectory,"
                    + " datasetVersion, codeVersion")
    Path summary;

    @Override
    public Integer call() throws Exception {
        requireSummaryDirectory();
        Dataset data = Dataset.open(dataset);
        ModelParams d = ModelParams.defaults(data.items().size());
        ModelParams params = new ModelParams(
                historyLength != null ? historyLength : d.historyLength(),
                d.inputDim(),
                d.hiddenDim(),
                dim != null ? dim : d.dim(),
                epochs != null ? epochs : d.epochs(),
                batchSize != null ? batchSize : d.batchSize(),
                learningRate != null ? learningRate : d.learningRate(),
                softmax != null ? softmax : d.softmax(),
                negatives != null ? negatives : d.negatives(),
                seed != null ? seed : d.seed());
        MlflowClients clients = MlflowClients.connect(mlflow);
        Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("tandem-train-");
        TrainingPipeline.Result result = new TrainingPipeline(
                        clients.tracking(), spec.commandLine().getOut())
                .train(data, model, params, holdout, work);
        if (summary != null) {
            return writeSummary(result, data) ? 0 : 1;
        }
        return 0;
    }

    // Refused before training, not after it has registered a version nobody would hear of.
    private void requireSummaryDirectory() {
        if (summary != null && !Files.isDirectory(summary.toAbsolutePath().getParent())) {
            throw new ParameterException(spec.commandLine(), "--summary " + summary + ": its directory does not exist");
        }
    }

    private boolean writeSummary(TrainingPipeline.Result result, Dataset data) throws JsonProcessingException {
        TrainSummary line = new TrainSummary(
                result.modelName(),
                result.version(),
                result.runId(),
                result.bundleUri(),
                result.bundleDirectory().toAbsolutePath().toString(),
                data.version(),
                TrainerVersion.current());
        try {
            Files.writeString(summary, new ObjectMapper().writeValueAsString(line), StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            // The version stays registered; the exit status tells whoever waits for the summary that it is missing.
            spec.commandLine()
                    .getErr()
                    .printf(
                            "train: registered %s version %s but cannot write the summary to %s: %s%n",
                            result.modelName(), result.version(), summary, e);
            return false;
        }
    }
}
