/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.helm;

import dev.tandem.testing.LocalPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code helm} and {@code kubectl} the platform built, run against its API server, on the repository's chart. */
final class Helm {

    /** The repository's root: tests run in the module's directory. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    /** The chart, as users install it from a checkout. */
    static final Path CHART = REPOSITORY.resolve("helm/tandem");

    /** The values the local platform installs with (the operator on the local node). */
    static final Path LOCAL_NODE_VALUES = CHART.resolve("ci/local-node-values.yaml");

    private static final long TIMEOUT_MINUTES = 10;

    /**
     * What a command printed and how it ended.
     *
     * @param exitCode its exit code
     * @param out its standard output
     * @param err its standard error
     */
    record Result(int exitCode, String out, String err) {

        /** Its standard output, or a failure with everything it printed. */
        String ok() {
            if (exitCode != 0) {
                throw new AssertionError("exit code " + exitCode + "\n" + out + "\n" + err);
            }
            return out;
        }
    }

    private final LocalPlatform platform;
    private final Path home;

    /** @param home where helm keeps its caches and settings (a test's temporary directory, not the user's home) */
    Helm(LocalPlatform platform, Path home) {
        this.platform = platform;
        this.home = home;
    }

    /** {@code helm ARGS}. */
    Result helm(String... args) {
        return run(platform.helm(), List.of(args));
    }

    /** {@code kubectl ARGS}. */
    Result kubectl(String... args) {
        return run(platform.kubectl(), List.of(args));
    }

    private Result run(Path binary, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        try {
            Path out = Files.createTempFile("helm-it-", ".out");
            Path err = Files.createTempFile("helm-it-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(REPOSITORY.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                builder.environment().put("KUBECONFIG", platform.kubeconfig().toString());
                builder.environment()
                        .put("HELM_CACHE_HOME", home.resolve("cache").toString());
                builder.environment()
                        .put("HELM_CONFIG_HOME", home.resolve("config").toString());
                builder.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " ran over " + TIMEOUT_MINUTES + " minutes");
                }
                return new Result(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
