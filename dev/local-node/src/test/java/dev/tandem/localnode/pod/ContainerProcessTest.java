/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.localnode.launch.ProcessLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: what a container's run records of them. */
class ContainerProcessTest {

    @TempDir
    Path dir;

    @Test
    void recordsTheExitCodeTheOutputAndThePid() throws IOException, InterruptedException {
        CountDownLatch exited = new CountDownLatch(1);
        ContainerProcess process = ContainerProcess.start(
                launch("echo \"$GREETING from $PWD\"; exit 3", Map.of("GREETING", "hello")),
                dir.resolve("c.log"),
                dir.resolve("pid"),
                Instant.now(),
                exited::countDown);

        assertThat(Files.readString(dir.resolve("pid"))).startsWith(process.pid() + " ");
        assertThat(exited.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitCode()).contains(3);
        assertThat(Files.readString(dir.resolve("c.log")))
                .startsWith("--- ")
                .contains("starting: /bin/sh -c")
                .contains("hello from " + dir.resolve("work"));
        process.forget();
        assertThat(dir.resolve("pid")).doesNotExist();
    }

    @Test
    void sigtermEndsAProcessWith143AndSigkillOneThatIgnoresIt() throws IOException {
        ContainerProcess polite = ContainerProcess.start(
                launch("exec sleep 60", Map.of()), dir.resolve("a.log"), dir.resolve("a.pid"), Instant.now(), () -> {});
        ContainerProcess stubborn = ContainerProcess.start(
                launch("trap '' TERM; while true; do sleep 0.1; done", Map.of()),
                dir.resolve("b.log"),
                dir.resolve("b.pid"),
                Instant.now(),
                () -> {});

        polite.terminate();
        stubborn.terminate();

        await().atMost(Duration.ofSeconds(10)).until(() -> !polite.alive());
        assertThat(polite.exitCode()).contains(143);
        assertThat(stubborn.alive()).isTrue();
        stubborn.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> !stubborn.alive());
        assertThat(stubborn.exitCode()).contains(137);
    }

    @Test
    void anOrphanLeftByAnEarlierAgentIsKilledButAReusedPidIsNot() throws IOException {
        Path pods = dir.resolve("pods");
        Path container = Files.createDirectories(pods.resolve("ns_p_uid/containers/c"));
        ContainerProcess orphan = ContainerProcess.start(
                launch("exec sleep 60", Map.of()),
                dir.resolve("o.log"),
                container.resolve("pid"),
                Instant.now(),
                () -> {});
        Path other = Files.createDirectories(pods.resolve("ns_q_uid/containers/c"));
        Process stranger = new ProcessBuilder("sleep", "60").start();
        // Same pid, another start time: a process that merely reused the number.
        Files.writeString(other.resolve("pid"), stranger.pid() + " 12345\n");
        try {
            assertThat(OrphanReaper.reap(pods)).isEqualTo(1);

            await().atMost(Duration.ofSeconds(10)).until(() -> !orphan.alive());
            assertThat(stranger.isAlive()).isTrue();
            assertThat(container.resolve("pid")).doesNotExist();
        } finally {
            stranger.destroyForcibly();
        }
    }

    private ProcessLaunch launch(String script, Map<String, String> env) throws IOException {
        return new ProcessLaunch(List.of("/bin/sh", "-c", script), env, Files.createDirectories(dir.resolve("work")));
    }
}
