/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import dev.tandem.localnode.launch.ProcessLaunch;
import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One run of a container: a host process whose output goes to the container's log file, whose pid (with its start
 * time, so that a reused pid is never mistaken for it) is in the container's pid file until it exits, and which may
 * leave a termination message in the container's termination message file.
 */
final class ContainerProcess {

    private final Process process;
    private final Instant startedAt;
    private final Path pidFile;
    private final Path log;
    private final long outputStart;
    private final Path terminationMessageFile;

    private ContainerProcess(
            Process process, Instant startedAt, Path pidFile, Path log, long outputStart, Path terminationMessageFile) {
        this.process = process;
        this.startedAt = startedAt;
        this.pidFile = pidFile;
        this.log = log;
        this.outputStart = outputStart;
        this.terminationMessageFile = terminationMessageFile;
    }

    /**
     * Starts the process.
     *
     * @param terminationMessageFile the host file the container's termination message path is mapped to
     * @param onExit called (on another thread) when the process has exited
     */
    static ContainerProcess start(
            ProcessLaunch launch, Path log, Path pidFile, Path terminationMessageFile, Instant now, Runnable onExit)
            throws IOException {
        Files.createDirectories(launch.workingDirectory());
        if (launch.script().isPresent()) {
            Files.writeString(
                    launch.script().get().file(), launch.script().get().text());
        }
        Files.writeString(
                log,
                "--- " + now + " starting: " + String.join(" ", launch.command()) + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        long outputStart = Files.size(log);
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(launch.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(launch.environment());
        Process process = builder.start();
        long startMillis =
                process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Files.writeString(pidFile, process.pid() + " " + startMillis + System.lineSeparator());
        ContainerProcess started =
                new ContainerProcess(process, now, pidFile, log, outputStart, terminationMessageFile);
        process.onExit().thenRun(onExit);
        return started;
    }

    long pid() {
        return process.pid();
    }

    Instant startedAt() {
        return startedAt;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The exit code once the process has exited: 128 + the signal's number when a signal ended it. */
    Optional<Integer> exitCode() {
        if (process.isAlive()) {
            return Optional.empty();
        }
        return Optional.of(process.exitValue());
    }

    /** The run's termination message ({@link TerminationMessage}), once the process has exited. */
    Optional<String> terminationMessage(Container spec) {
        return exitCode()
                .flatMap(code -> TerminationMessage.read(spec, code, terminationMessageFile, log, outputStart));
    }

    /** Sends SIGTERM to the process and every process it started. */
    void terminate() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Sends SIGKILL to the process and every process it started. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Forgets the pid file once the process is gone. */
    void forget() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // A stale pid file is harmless: the recorded start time no longer matches any process.
        }
    }
}
