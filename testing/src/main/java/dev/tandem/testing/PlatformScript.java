/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's {@code dev/platform} script. The script is found by walking up from the
 * working directory (Maven runs each module's tests in the module directory), or named by the
 * {@code TANDEM_PLATFORM_SCRIPT} environment variable.
 */
final class PlatformScript {

    private static final long UP_TIMEOUT_MINUTES = 60;

    private final Path script;

    private PlatformScript(Path script) {
        this.script = script;
    }

    /** The script's path. */
    Path path() {
        return script;
    }

    static PlatformScript locate() {
        String override = System.getenv("TANDEM_PLATFORM_SCRIPT");
        if (override != null && !override.isBlank()) {
            return new PlatformScript(Path.of(override));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("dev/platform");
            if (Files.isExecutable(candidate)) {
                return new PlatformScript(candidate);
            }
        }
        throw new IllegalStateException(
                "dev/platform not found above " + Path.of("").toAbsolutePath()
                        + "; run the tests from the Tandem checkout or set TANDEM_PLATFORM_SCRIPT");
    }

    /** Installs what is missing and starts what is not running; a warm platform answers in about a second. */
    void up() {
        Result result = run(List.of("up"), UP_TIMEOUT_MINUTES);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("dev/platform up failed: " + lastLine(result.output()));
        }
    }

    // Lines are shell statements (`export KEY=VALUE`), so that eval "$(dev/platform env)" reaches child processes.
    private static final String EXPORT = "export ";

    Map<String, String> env() {
        Result result = run(List.of("env"), 1);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("dev/platform env failed: " + lastLine(result.output()));
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : result.output().split("\n")) {
            line = line.startsWith(EXPORT) ? line.substring(EXPORT.length()) : line;
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    private Result run(List<String> args, long timeoutMinutes) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(args);
        try {
            Path output = Files.createTempFile("tandem-platform-", ".log");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            String.join(" ", command) + " did not finish within " + timeoutMinutes + " minutes");
                }
                return new Result(process.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    private static String lastLine(String output) {
        String trimmed = output.strip();
        int newline = trimmed.lastIndexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(newline + 1);
    }

    private record Result(int exitCode, String output) {}
}
