/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.localnode.launch.ProcessLaunch;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
                dir.resolve("termination-log"),
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
                launch("exec sleep 60", Map.of()),
                dir.resolve("a.log"),
                dir.resolve("a.pid"),
                dir.resolve("a.msg"),
                Instant.now(),
                () -> {});
        ContainerProcess stubborn = ContainerProcess.start(
                launch("trap '' TERM; while true; do sleep 0.1; done", Map.of()),
                dir.resolve("b.log"),
                dir.resolve("b.pid"),
                dir.resolve("b.msg"),
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
                dir.resolve("o.msg"),
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

    @Test
    void theMessageAProcessWritesToItsTerminationMessageFileIsItsRunsMessage() throws Exception {
        PodDirectory pod = new PodDirectory(dir.resolve("pod"));
        pod.prepareContainer("job");
        Path file = pod.terminationMessageFile("job");
        Container spec = new ContainerBuilder().withName("job").build();
        // The container writes its /dev/termination-log, which ContainerStarter binds to this file.
        String summary = "{\"items\":3,\"seconds\":1.5}";

        ContainerProcess process = runToEnd(
                "printf '%s\\n' \"$2\" > \"${1#--summary=}\"",
                List.of("--summary=" + file, summary), pod.log("job"), file);

        assertThat(process.exitCode()).contains(0);
        assertThat(file).hasContent(summary);
        assertThat(process.terminationMessage(spec)).contains(summary + "\n");
    }

    @Test
    void aFailedRunWithFallbackToLogsReportsItsOwnOutputOnly() throws Exception {
        PodDirectory pod = new PodDirectory(dir.resolve("pod"));
        Container spec = new ContainerBuilder()
                .withName("job")
                .withTerminationMessagePolicy(TerminationMessage.FALLBACK_TO_LOGS_ON_ERROR)
                .build();
        pod.prepareContainer("job");
        runToEnd("echo first run; exit 1", List.of(), pod.log("job"), pod.terminationMessageFile("job"));
        pod.prepareContainer("job");

        ContainerProcess second = runToEnd(
                "echo 'loading bundle'; echo 'no such version: 99' >&2; exit 2",
                List.of(),
                pod.log("job"),
                pod.terminationMessageFile("job"));

        assertThat(second.terminationMessage(spec)).contains("loading bundle\nno such version: 99\n");
        assertThat(Files.readString(pod.log("job"))).contains("first run").contains("starting: /bin/sh");
    }

    private ContainerProcess runToEnd(String script, List<String> args, Path log, Path terminationMessageFile)
            throws IOException, InterruptedException {
        CountDownLatch exited = new CountDownLatch(1);
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script, "sh"));
        command.addAll(args);
        ContainerProcess process = ContainerProcess.start(
                new ProcessLaunch(command, Map.of(), Files.createDirectories(dir.resolve("work"))),
                log,
                dir.resolve("pid"),
                terminationMessageFile,
                Instant.now(),
                exited::countDown);
        assertThat(exited.await(10, TimeUnit.SECONDS)).isTrue();
        return process;
    }

    private ProcessLaunch launch(String script, Map<String, String> env) throws IOException {
        return new ProcessLaunch(List.of("/bin/sh", "-c", script), env, Files.createDirectories(dir.resolve("work")));
    }
}
