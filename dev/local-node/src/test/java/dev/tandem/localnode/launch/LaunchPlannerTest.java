/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchPlannerTest {

    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final Path JAR = Path.of("/repo/serving-image/target/quarkus-app/quarkus-run.jar");
    private static final Path TMP = Path.of("/state/pods/p/containers/server/tmp");
    private static final Path WORK = Path.of("/state/pods/p/containers/server");

    private final LaunchPlanner planner = new LaunchPlanner(JAVA);
    private final ImageLauncher serving =
            LauncherTable.TANDEM.launcherFor("tandem-serving").orElseThrow();
    private final PathMapping volumes = new PathMapping(Map.of("/index", Path.of("/state/pods/p/volumes/index")));

    @Test
    void servingContainerRunsTheJarBoundToThePodIpWithItsArgsAndLimits() throws ContainerConfigException {
        Container container = new ContainerBuilder()
                .withName("server")
                .withImage("ghcr.io/tandem-dev/tandem-serving:0.1.0")
                .withArgs("build-index", "--out", "/index", "--bundle", "$(BUNDLE)")
                .withNewResources()
                .addToLimits("memory", new Quantity("2Gi"))
                .addToLimits("cpu", new Quantity("1500m"))
                .endResources()
                .build();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BUNDLE", "models:/m/1");
        env.put("TANDEM_INDEX", "/index");
        env.put("JAVA_OPTS", " -Xmx512m  -XX:+UseSerialGC ");

        ProcessLaunch launch = planner.plan(container, serving, JAR, env, volumes, "127.200.0.9", TMP, WORK);

        assertThat(launch.command())
                .containsExactly(
                        "/jdk/bin/java",
                        "--add-modules",
                        "jdk.incubator.vector",
                        "--enable-native-access=ALL-UNNAMED",
                        "-XX:MaxRAM=2147483648",
                        "-XX:ActiveProcessorCount=2",
                        "-Djava.io.tmpdir=" + TMP,
                        "-Dquarkus.http.host=127.200.0.9",
                        "-Dquarkus.grpc.server.host=127.200.0.9",
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        "-jar",
                        JAR.toString(),
                        "build-index",
                        "--out",
                        "/state/pods/p/volumes/index",
                        "--bundle",
                        "models:/m/1");
        assertThat(launch.environment())
                .containsEntry("TANDEM_INDEX", "/state/pods/p/volumes/index")
                .containsEntry("TMPDIR", TMP.toString())
                .containsKey("PATH");
        assertThat(launch.workingDirectory()).isEqualTo(WORK);
    }

    @Test
    void withoutLimitsTheJvmSeesTheWholeMachine() throws ContainerConfigException {
        Container container =
                new ContainerBuilder().withName("c").withImage("tandem-serving").build();

        ProcessLaunch launch = planner.plan(container, serving, JAR, Map.of(), volumes, "127.200.0.9", TMP, WORK);

        assertThat(launch.command()).noneMatch(arg -> arg.startsWith("-XX:MaxRAM") || arg.startsWith("-XX:Active"));
        assertThat(launch.command()).endsWith("-jar", JAR.toString());
    }

    @Test
    void workingDirectoryInAVolumeIsMappedOtherwiseTheContainersOwnDirectory() throws ContainerConfigException {
        Container inVolume = new ContainerBuilder()
                .withName("c")
                .withImage("tandem-serving")
                .withWorkingDir("/index/w")
                .build();
        Container inImage = new ContainerBuilder()
                .withName("c")
                .withImage("tandem-serving")
                .withWorkingDir("/app")
                .build();

        assertThat(planner.plan(inVolume, serving, JAR, Map.of(), volumes, "127.200.0.9", TMP, WORK)
                        .workingDirectory())
                .isEqualTo(Path.of("/state/pods/p/volumes/index/w"));
        assertThat(planner.plan(inImage, serving, JAR, Map.of(), volumes, "127.200.0.9", TMP, WORK)
                        .workingDirectory())
                .isEqualTo(WORK);
    }

    @Test
    void aCommandOverrideIsRefusedBecauseOnlyTheImagesEntryPointCanRun() {
        Container container = new ContainerBuilder()
                .withName("server")
                .withImage("tandem-serving")
                .withCommand("/bin/sh", "-c", "java -jar app.jar")
                .build();

        assertThatThrownBy(() -> planner.plan(container, serving, JAR, Map.of(), volumes, "127.200.0.9", TMP, WORK))
                .isInstanceOf(ContainerConfigException.class)
                .hasMessageContaining("sets command")
                .hasMessageContaining("use args");
    }
}
