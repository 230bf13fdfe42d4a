/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedVersionsTest {

    private static final URI MLFLOW = URI.create("http://127.0.0.1:25000");

    @TempDir
    Path workspace;

    /** Answers {@code train} as the trainer does: a summary line in the {@code --summary} file, as MLflow numbers. */
    private final class FakeTrainer extends TrainerLauncher {

        final List<List<String>> runs = new ArrayList<>();
        int nextVersion = 1;

        FakeTrainer() {
            super(workspace);
        }

        @Override
        public String path(Path file) {
            return "/seen" + file.toString();
        }

        @Override
        public String run(String name, List<String> args) {
            runs.add(args);
            String model = after(args, "--model");
            String version = Integer.toString(nextVersion++);
            String line = "{\"modelName\":\"" + model + "\",\"version\":\"" + version + "\",\"runId\":\"run" + version
                    + "\",\"bundleUri\":\"mlflow-artifacts:/1/run" + version + "/artifacts/bundle\","
                    + "\"bundleDirectory\":\"" + after(args, "--work-dir") + "/bundle\","
                    + "\"datasetVersion\":\"ds-0123456789abcdef\",\"codeVersion\":\"0.1.0\",\"addedLater\":7}";
            try {
                Files.writeString(Path.of(after(args, "--summary").substring("/seen".length())), line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return name + " done";
        }

        private static String after(List<String> args, String option) {
            return args.get(args.indexOf(option) + 1);
        }
    }

    @Test
    void eachVersionIsTrainedWithItsSeedAndReadFromItsSummary() {
        FakeTrainer trainer = new FakeTrainer();
        Path dataset = workspace.resolve("datasets/ds-0123456789abcdef");

        TrainedVersions trained = TrainedVersions.train(trainer, MLFLOW, dataset, "serving-it", 2);

        assertThat(trained.name()).matches("serving-it-[0-9a-f]{8}");
        assertThat(trainer.runs).hasSize(2);
        assertThat(trainer.runs.get(1))
                .startsWith("train")
                .containsSequence("--dataset", "/seen" + dataset)
                .containsSequence("--mlflow", MLFLOW.toString())
                .containsSequence("--model", trained.name())
                .containsSequence("--seed", "2")
                .containsSequence("--work-dir", "/seen" + workspace.resolve("work-2"));
        assertThat(trained.version(2).summary().runId()).isEqualTo("run2");
        assertThat(trained.version(2).summary().bundleUri()).isEqualTo("mlflow-artifacts:/1/run2/artifacts/bundle");
        assertThat(trained.version(2).output()).isEqualTo("train-2 done");
        assertThat(trained.uri(2)).isEqualTo("models:/" + trained.name() + "/2");
        assertThat(trained.bundle(1)).isEqualTo(Path.of("/seen" + workspace.resolve("work-1/bundle")));
    }

    @Test
    void aVersionNumberedOtherwiseIsAFailure() {
        FakeTrainer trainer = new FakeTrainer();
        trainer.nextVersion = 4;

        assertThatThrownBy(
                        () -> TrainedVersions.train(trainer, MLFLOW, workspace.resolve("datasets/ds-1"), "reused", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("training version 1 of reused-")
                .hasMessageContaining("/4");
    }
}
