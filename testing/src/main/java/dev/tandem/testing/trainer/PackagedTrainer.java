/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.trainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The trainer's packaged jar, run by the test's {@code java} as a data scientist runs it; its output goes to a log file
 * in the workspace. The jar is found in {@code trainer-image/target} of the checkout the test runs in.
 */
final class PackagedTrainer extends TrainerLauncher {

    private static final long TIMEOUT_MINUTES = 5;

    PackagedTrainer(Path workspace) {
        super(workspace);
    }

    @Override
    public String run(String name, List<String> args) {
        try {
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "--enable-native-access=ALL-UNNAMED",
                    "-jar",
                    trainerJar().toString()));
            command.addAll(args);
            Path log = workspace().resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            awaitExit(process, name, log);
            String out = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "trainer " + name + " exited with " + process.exitValue() + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitExit(Process process, String name, Path log) {
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "trainer " + name + " did not finish in " + TIMEOUT_MINUTES + " minutes; output in " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while the trainer ran", e);
        }
    }

    private static Path trainerJar() throws IOException {
        Path target = trainerTarget();
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(
                            f -> f.getFileName().toString().matches("tandem-trainer-[^-]+(-SNAPSHOT)?\\.jar"))
                    .toList();
            if (jars.size() == 1) {
                return jars.getFirst().toAbsolutePath();
            }
        }
        throw new IllegalStateException(
                "no trainer jar in " + target + "; build it with ./mvnw -pl trainer-image -am package -DskipTests");
    }

    // Maven runs each module's tests in the module's directory, one or two levels below the checkout's root.
    private static Path trainerTarget() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path target = dir.resolve("trainer-image").resolve("target");
            if (Files.isDirectory(target)) {
                return target;
            }
        }
        throw new IllegalStateException(
                "no trainer-image/target above " + Path.of("").toAbsolutePath()
                        + "; build the trainer with ./mvnw -pl trainer-image -am package -DskipTests");
    }
}
