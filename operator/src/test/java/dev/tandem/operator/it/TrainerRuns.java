/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Registers real model versions in the platform's MLflow by running the trainer's packaged jar ({@code generate} of a
 * tiny synthetic dataset, then {@code train}), as a data scientist would. Each call trains a model of its own, so tests
 * that archive or alias its versions touch nobody else's.
 */
public final class TrainerRuns {

    private static final Path TRAINER_TARGET = Path.of("..", "trainer-image", "target");
    private static final Pattern REGISTERED =
            Pattern.compile("registered (\\S+) version (\\d+) \\(run (\\w+)\\) with bundle (\\S+)");
    private static final long TIMEOUT_MINUTES = 5;

    /**
     * One registered version.
     *
     * @param number the version number MLflow gave it
     * @param runId the training run
     * @param source the bundle's artifact URI (the version's source)
     * @param bundle the bundle as the trainer wrote it locally
     */
    public record Version(String number, String runId, String source, Path bundle) {}

    /** A registered model and its versions, version 1 first. */
    public record Model(String name, List<Version> versions) {
        public Version version(int number) {
            return versions.get(number - 1);
        }
    }

    private TrainerRuns() {}

    /** Trains {@code versions} versions (seeds 1, 2, …) of a new model named {@code prefix-<random>}. */
    public static Model train(URI mlflow, String prefix, int versions) {
        try {
            Path work = Files.createTempDirectory("tandem-operator-trainer");
            String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
            run(
                    work,
                    "generate",
                    "--size",
                    "tiny",
                    "--seed",
                    "7",
                    "--out",
                    work.resolve("datasets").toString());
            Path dataset = onlyEntry(work.resolve("datasets"));
            List<Version> registered = new ArrayList<>();
            for (int v = 1; v <= versions; v++) {
                Path versionWork = work.resolve("work-" + v);
                String out = run(
                        work,
                        "train",
                        "--dataset",
                        dataset.toString(),
                        "--mlflow",
                        mlflow.toString(),
                        "--model",
                        name,
                        "--epochs",
                        "2",
                        "--dim",
                        "16",
                        "--seed",
                        Integer.toString(v),
                        "--work-dir",
                        versionWork.toString());
                Matcher m = REGISTERED.matcher(out);
                if (!m.find() || !m.group(2).equals(Integer.toString(v))) {
                    throw new IllegalStateException(
                            "the trainer did not register version " + v + " of " + name + ":\n" + out);
                }
                registered.add(new Version(m.group(2), m.group(3), m.group(4), versionWork.resolve("bundle")));
            }
            return new Model(name, List.copyOf(registered));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(Path work, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                trainerJar().toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(work, args[0], ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "trainer " + args[0] + " did not finish in " + TIMEOUT_MINUTES + " minutes; output in " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while the trainer ran", e);
        }
        String out = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("trainer " + args[0] + " exited with " + process.exitValue() + ":\n" + out);
        }
        return out;
    }

    private static Path trainerJar() throws IOException {
        if (Files.isDirectory(TRAINER_TARGET)) {
            try (Stream<Path> files = Files.list(TRAINER_TARGET)) {
                List<Path> jars = files.filter(
                                f -> f.getFileName().toString().matches("tandem-trainer-[^-]+(-SNAPSHOT)?\\.jar"))
                        .toList();
                if (jars.size() == 1) {
                    return jars.getFirst().toAbsolutePath();
                }
            }
        }
        throw new IllegalStateException("no trainer jar in " + TRAINER_TARGET.toAbsolutePath()
                + "; build it with ./mvnw -pl trainer-image -am package -DskipTests");
    }

    private static Path onlyEntry(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> all = entries.toList();
            if (all.size() != 1) {
                throw new IllegalStateException("expected one dataset in " + dir + ", found " + all);
            }
            return all.getFirst();
        }
    }
}
