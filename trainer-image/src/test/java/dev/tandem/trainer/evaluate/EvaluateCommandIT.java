/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.trainer.CliRun;
import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.dataset.SyntheticConfig;
import dev.tandem.trainer.dataset.SyntheticGenerator;
import dev.tandem.trainer.mlflow.MlflowRestClient;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code test} reads the registered bundle back from MLflow, evaluates it and records the numbers there. */
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
        CliRun train = CliRun.of(
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

        CliRun test = CliRun.of(
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
                        "tandem.eval.recall_at_50",
                        "tandem.eval.ndcg_at_10",
                        "tandem.eval.baseline.popularity.recall_at_50");
        assertThat(tags).containsEntry("tandem.eval.dataset_version", dataset.version());
        double recall = Double.parseDouble(tags.get("tandem.eval.recall_at_50"));
        double popularity = Double.parseDouble(tags.get("tandem.eval.baseline.popularity.recall_at_50"));
        assertThat(recall).isGreaterThan(popularity);

        JsonNode history = rest.get(
                "metrics/get-history",
                Map.of("run_id", version.path("run_id").asText(), "metric_key", "eval_recall_at_50"));
        assertThat(history.path("metrics")).hasSize(1);
        assertThat(history.path("metrics").get(0).path("value").asDouble())
                .isEqualTo(recall, org.assertj.core.data.Offset.offset(1e-5));
    }
}
