/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.decide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.testing.ChatReceiver;
import dev.tandem.testing.CliRun;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.trainer.cli.TrainerCli;
import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.dataset.SyntheticConfig;
import dev.tandem.trainer.dataset.SyntheticGenerator;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decide} both ways against the real MLflow server: the first candidate beats the popularity baseline and
 * becomes the challenger; after it is made champion, a badly trained candidate loses and is archived. Each
 * decision reaches a local chat webhook receiver.
 */
@LocalPlatformTest
class DecideCommandIT {

    private ChatReceiver chat;

    @BeforeEach
    void startChat() {
        chat = ChatReceiver.start();
    }

    @AfterEach
    void stopChat() {
        chat.close();
    }

    @Test
    void winnerBecomesChallengerAndLoserIsArchived(LocalPlatform platform, @TempDir Path dir) throws Exception {
        Dataset dataset = new SyntheticGenerator(
                        new SyntheticConfig(600, 600, 25_000, 8, 13, 1.0, 0.1, SyntheticConfig.DEFAULT_START, 60))
                .writeTo(dir.resolve("datasets"));
        String model = "decide-it-" + UUID.randomUUID();
        String mlflow = platform.mlflowUrl().toString();
        String data = dataset.directory().toString();
        String hook = chat.url("").toString();
        MlflowRestClient rest = new MlflowRestClient(platform.mlflowUrl(), HttpClient.newHttpClient());

        assertThat(trainer("train", "--dataset", data, "--mlflow", mlflow, "--model", model, "--epochs", "3")
                        .exitCode())
                .isZero();
        CliRun first = trainer(
                "decide",
                "--model",
                model,
                "--candidate",
                "1",
                "--dataset",
                data,
                "--mlflow",
                mlflow,
                "--metric",
                "recall@50",
                "--notify-url",
                hook + "/slack");

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("is the new challenger").contains("popularity baseline");
        JsonNode v1 = version(rest, model, "1");
        assertThat(v1.path("current_stage").asText()).isEqualTo("Staging");
        assertThat(v1.path("aliases").toString()).contains("challenger");
        assertThat(tags(v1)).containsEntry(MlflowTags.DECISION, MlflowTags.Decision.CHALLENGER.value());
        JsonNode slack = chat.next(Duration.ofSeconds(10));
        assertThat(slack).isNotNull();
        assertThat(slack.path("text").asText()).contains(model + " version 1 is the new challenger");

        // What the operator does after a successful swap.
        rest.post("registered-models/alias", Map.of("name", model, "alias", "champion", "version", "1"));
        rest.post(
                "model-versions/transition-stage",
                Map.of("name", model, "version", "1", "stage", "Production", "archive_existing_versions", false));

        assertThat(trainer(
                                "train",
                                "--dataset",
                                data,
                                "--mlflow",
                                mlflow,
                                "--model",
                                model,
                                "--epochs",
                                "1",
                                "--learning-rate",
                                "0.000001")
                        .exitCode())
                .isZero();
        CliRun second = trainer(
                "decide",
                "--model",
                model,
                "--candidate",
                "2",
                "--dataset",
                data,
                "--mlflow",
                mlflow,
                "--notify-url",
                hook + "/bot123:abc/sendMessage",
                "--notify-format",
                "telegram",
                "--telegram-chat-id",
                "-1001");

        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(5);
        assertThat(second.out()).contains("was archived").contains("champion v1 (mean of last 2 evaluations)");
        JsonNode v2 = version(rest, model, "2");
        assertThat(v2.path("current_stage").asText()).isEqualTo("Archived");
        Map<String, String> v2Tags = tags(v2);
        assertThat(v2Tags).containsEntry(MlflowTags.DECISION, MlflowTags.Decision.REJECTED.value());
        assertThat(v2Tags.get(MlflowTags.DECISION_REASON))
                .startsWith("recall_at_50 ")
                .contains("<= champion v1");
        assertThat(Double.parseDouble(v2Tags.get(MlflowTags.decision("candidate_value"))))
                .isLessThan(Double.parseDouble(v2Tags.get(MlflowTags.decision("reference_value"))));
        assertThat(version(rest, model, "1").path("current_stage").asText()).isEqualTo("Production");
        JsonNode telegram = chat.next(Duration.ofSeconds(10));
        assertThat(telegram).isNotNull();
        assertThat(telegram.path("chat_id").asText()).isEqualTo("-1001");
        assertThat(telegram.path("text").asText()).contains(model + " version 2 was archived");
    }

    private static JsonNode version(MlflowRestClient rest, String model, String version) {
        return rest.get("model-versions/get", Map.of("name", model, "version", version))
                .path("model_version");
    }

    private static Map<String, String> tags(JsonNode version) {
        Map<String, String> tags = new HashMap<>();
        version.path("tags")
                .forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        return tags;
    }

    /** The trainer's command line in this JVM. */
    private static CliRun trainer(String... args) {
        return CliRun.of(TrainerCli.commandLine(), args);
    }
}
