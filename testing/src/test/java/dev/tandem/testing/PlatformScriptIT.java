/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dev/platform as a user meets it: idempotent, and a failure is one line that says what to do. */
@LocalPlatformTest
class PlatformScriptIT {

    private final Path script = PlatformScript.locate().path();

    @Test
    void secondUpReusesEveryRunningProcess(LocalPlatform platform) throws Exception {
        Map<String, String> before = pidFiles(platform.stateDir());

        Run up = run(Map.of(), "up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("platform: up in");
        assertThat(pidFiles(platform.stateDir())).isEqualTo(before);
        assertThat(before)
                .containsOnlyKeys(
                        "etcd",
                        "kube-apiserver",
                        "kube-controller-manager",
                        "kube-scheduler",
                        "kwok",
                        "mlflow",
                        "redis",
                        "prometheus");
        assertThat(run(Map.of(), "status").output().lines())
                .hasSize(8)
                .allSatisfy(line -> assertThat(line).contains(" running "));
    }

    @Test
    void portHeldByAnotherProgramIsReportedInOneLine(@TempDir Path state) throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();

            Run up = run(
                    Map.of("TANDEM_STATE_DIR", state.toString(), "TANDEM_REDIS_PORT", String.valueOf(port)),
                    "up",
                    "redis");

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.output().strip())
                    .isEqualTo("platform: redis: port " + port
                            + " on 127.0.0.1 is taken by another program; set TANDEM_REDIS_PORT to a free port");
        }
    }

    @Test
    void unknownPartIsNamedWithTheChoices(@TempDir Path state) throws Exception {
        Run up = run(Map.of("TANDEM_STATE_DIR", state.toString()), "up", "kafka");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.output().strip())
                .isEqualTo("platform: unknown part 'kafka'; choose from: kubernetes mlflow redis prometheus");
    }

    private record Run(int exitCode, String output) {}

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String[] command =
                Stream.concat(Stream.of(script.toString()), Stream.of(args)).toArray(String[]::new);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Map<String, String> pidFiles(Path stateDir) throws IOException {
        Map<String, String> pids = new TreeMap<>();
        try (Stream<Path> files = Files.list(stateDir.resolve("run"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                pids.put(
                        file.getFileName().toString().replace(".pid", ""),
                        Files.readString(file).strip());
            }
        }
        return pids;
    }
}
