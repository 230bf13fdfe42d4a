/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.testing.CliRun;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.trainer.cli.TrainerCli;
import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.dataset.SyntheticConfig;
import dev.tandem.trainer.dataset.SyntheticGenerator;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test}, run in a separate JVM, reads the registered bundle back from MLflow, reloads its SavedModel,
 * evaluates it by exact retrieval and records the numbers there.
 */
@LocalPlatformTest
class EvaluateCommandIT {

    @Test
    void evaluationIsPrintedBesideBaselinesAndRecordedOnTheVersion(LocalPlatform platform, @TempDir Path dir)
            throws Exception {
        Dataset dataset = new SyntheticGenerator(
                        new SyntheticConfig(600, 600, 25_000, 8, 9, 1.0, 0.1, SyntheticConfig.DEFAULT_START, 60))
                .writeTo(dir.resolve("datasets"));
        String model = "test-it-" + UUID.randomUUID();
        String mlflow = platform.mlflowUrl().toString();
        CliRun train = trainer(
                "train",
                "--dataset",
                dataset.directory().toString(),
                "--mlflow",
                mlflow,
                "--model",
                model,
                "--epochs",
                "3");
        assertThat(train.exitCode()).as(train.err()).isZero();

        // A fresh JVM: the SavedModel is loaded from what MLflow serves, not from anything this process trained.
        CliRun test = inFreshJvm(
                "test",
                "--model",
                model,
                "--version",
                "1",
                "--dataset",
                dataset.directory().toString(),
                "--mlflow",
                mlflow);

        assertThat(test.exitCode()).as(test.err()).isZero();
        assertThat(test.out())
                .contains("offline evaluation of " + model + " version 1 on " + dataset.version())
                .contains("popularity")
                .contains("co-occurrence")
                .contains("recall_at_50")
                .contains("coverage_at_10");

        MlflowRestClient rest = new MlflowRestClient(platform.mlflowUrl(), HttpClient.newHttpClient());
        JsonNode version = rest.get("model-versions/get", Map.of("name", model, "version", "1"))
                .path("model_version");
        Map<String, String> tags = new HashMap<>();
        version.path("tags")
                .forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        assertThat(tags)
                .containsKeys(
                        MlflowTags.eval("recall_at_50"),
                        MlflowTags.eval("ndcg_at_10"),
                        MlflowTags.evalBaseline("popularity", "recall_at_50"));
        assertThat(tags).containsEntry(MlflowTags.EVAL_DATASET_VERSION, dataset.version());
        double recall = Double.parseDouble(tags.get(MlflowTags.eval("recall_at_50")));
        double popularity = Double.parseDouble(tags.get(MlflowTags.evalBaseline("popularity", "recall_at_50")));
        assertThat(recall).isGreaterThan(popularity);

        JsonNode history = rest.get(
                "metrics/get-history",
                Map.of("run_id", version.path("run_id").asText(), "metric_key", "eval_recall_at_50"));
        assertThat(history.path("metrics")).hasSize(1);
        assertThat(history.path("metrics").get(0).path("value").asDouble())
                .isEqualTo(recall, org.assertj.core.data.Offset.offset(1e-5));
    }

    private static CliRun inFreshJvm(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.tandem.trainer.cli.TrainerCli"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new CliRun(process.exitValue(), out, err.get());
    }

    /** The trainer's command line in this JVM. */
    private static CliRun trainer(String... args) {
        return CliRun.of(TrainerCli.commandLine(), args);
    }
}
