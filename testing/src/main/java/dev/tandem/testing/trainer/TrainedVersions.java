/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.api.mlflow.ModelUri;
import dev.tandem.api.trainer.TrainSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Versions of a model of its own that the trainer's {@code train} command registered in MLflow for a test, as each
 * run's {@code --summary} describes them. Each {@link #train} names a new model, so that a test that archives or
 * aliases its versions touches nobody else's.
 *
 * @param name the registered model's name
 * @param versions its versions, version 1 first
 */
public record TrainedVersions(String name, List<TrainedVersion> versions) {

    public TrainedVersions {
        versions = List.copyOf(versions);
    }

    /**
     * Trains versions 1 to {@code count} (seeds 1 to {@code count}) of a new model named {@code <prefix>-<random>},
     * each in {@code work-<n>} of the launcher's workspace.
     *
     * @param mlflow the tracking URI, as the trainer reaches it
     * @param dataset a dataset version directory under the launcher's workspace
     * @throws IllegalStateException when a run fails or MLflow numbers a version otherwise
     */
    public static TrainedVersions train(TrainerLauncher trainer, URI mlflow, Path dataset, String prefix, int count) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<TrainedVersion> versions = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Path summaryFile = trainer.workspace().resolve("train-" + n + ".json");
            // Two epochs of 16 dimensions: a model that serves, trained in seconds.
            List<String> args = List.of(
                    "train",
                    "--dataset",
                    trainer.path(dataset),
                    "--mlflow",
                    mlflow.toString(),
                    "--model",
                    name,
                    "--epochs",
                    "2",
                    "--dim",
                    "16",
                    "--seed",
                    Integer.toString(n),
                    "--work-dir",
                    trainer.path(trainer.workspace().resolve("work-" + n)),
                    "--summary",
                    trainer.path(summaryFile));
            String output = trainer.run("train-" + n, args);
            TrainSummary summary = readSummary(summaryFile);
            if (!summary.modelName().equals(name) || !summary.version().equals(Integer.toString(n))) {
                throw new IllegalStateException(
                        "training version " + n + " of " + name + " registered " + summary.modelUri() + ":\n" + output);
            }
            versions.add(new TrainedVersion(summary, output));
        }
        return new TrainedVersions(name, versions);
    }

    /**
     * Generates the trainer's tiny dataset ({@code generate --size tiny --seed 7}: 300 users, 500 items, 20,000
     * events) in {@code datasets} of the launcher's workspace.
     *
     * @return the dataset version directory, on this machine
     */
    public static Path tinyDataset(TrainerLauncher trainer) {
        Path datasets = trainer.workspace().resolve("datasets");
        trainer.run("generate", List.of("generate", "--size", "tiny", "--seed", "7", "--out", trainer.path(datasets)));
        try (Stream<Path> entries = Files.list(datasets)) {
            List<Path> all = entries.toList();
            if (all.size() != 1) {
                throw new IllegalStateException("expected one dataset in " + datasets + ", found " + all);
            }
            return all.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Version {@code number} (1 is the first). */
    public TrainedVersion version(int number) {
        return versions.get(number - 1);
    }

    /**
     * The registry URI of version {@code number}, {@code models:/<name>/<number>}; of any number, so that a test can
     * name a version that does not exist.
     */
    public String uri(int number) {
        return ModelUri.of(name, Integer.toString(number)).toString();
    }

    /** The bundle of version {@code number} as the trainer wrote it, on this machine. */
    public Path bundle(int number) {
        return version(number).bundle();
    }

    private static TrainSummary readSummary(Path file) {
        try {
            return new ObjectMapper().readValue(Files.readString(file), TrainSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the train summary " + file, e);
        }
    }
}
