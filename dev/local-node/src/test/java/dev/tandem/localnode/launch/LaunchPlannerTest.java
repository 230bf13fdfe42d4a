/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.localnode.image.ImageConfig;
import dev.tandem.localnode.image.ImageReference;
import dev.tandem.localnode.image.UnpackedImage;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchPlannerTest {

    private static final ContainerRoot ROOT = new ContainerRoot(Path.of("/state/pods/p/containers/server"));
    private static final UnpackedImage SERVING = new UnpackedImage(
            ImageReference.parse("ghcr.io/tandem-dev/tandem-serving:0.1.0"),
            "sha256:" + "a".repeat(64),
            Path.of("/state/images/unpacked/aaa/rootfs"),
            new ImageConfig(
                    List.of("/usr/local/bin/tandem-serving"),
                    List.of(),
                    List.of("PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java"),
                    "10001:10001",
                    "/home/tandem"));
    private static final List<Mount> MOUNTS = List.of(
            new Mount("/index", Path.of("/state/pods/p/volumes/index"), false),
            new Mount("/var/run/secrets/kubernetes.io/serviceaccount", Path.of("/state/pods/p/volumes/token"), true),
            new Mount("/index/sub", Path.of("/state/pods/p/volumes/sub"), false));

    private final LaunchPlanner planner = new LaunchPlanner();

    @Test
    void runsTheEntryPointWithTheArgsUnderChrootAsTheImagesUserInItsOwnNamespaces() throws ContainerConfigException {
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
        env.put("JAVA_TOOL_OPTIONS", "-Xss1m");
        env.put("tandem.odd-name", "it's kept");

        ProcessLaunch launch = planner.plan(pod(), container, SERVING, env, MOUNTS, "198.18.0.9", ROOT);

        assertThat(launch.command())
                .containsExactly(
                        "unshare",
                        "--mount",
                        "--uts",
                        "--propagation",
                        "private",
                        "--",
                        "/bin/sh",
                        ROOT.startScript().toString());
        assertThat(launch.workingDirectory()).isEqualTo(ROOT.dir());
        String script = launch.script().orElseThrow().text();
        assertThat(launch.script().get().file()).isEqualTo(ROOT.startScript());
        assertThat(script)
                .contains(
                        "mount -t overlay overlay -o 'lowerdir=/state/images/unpacked/aaa/rootfs,"
                                + "upperdir=/state/pods/p/containers/server/upper,workdir=/state/pods/p/containers/server/work'")
                .contains("mount -t proc proc \"$root/proc\"")
                .contains("mount --bind '/state/pods/p/volumes/index' \"$root\"'/index'")
                .contains("mount -o remount,bind,ro \"$root\"'/var/run/secrets/kubernetes.io/serviceaccount'")
                .doesNotContain("mount -o remount,bind,ro \"$root\"'/index'\n")
                .doesNotContain("mount -o remount,ro \"$root\"\n")
                .contains("hostname 'movies-0'")
                .contains("exec chroot --userspec='10001:10001' \"$root\" /usr/bin/env -i -C '/home/tandem'")
                .contains("'JAVA_HOME=/opt/java'")
                .contains("'HOSTNAME=movies-0'")
                .contains("'QUARKUS_HTTP_HOST=198.18.0.9'")
                .contains("'JAVA_TOOL_OPTIONS=-XX:MaxRAM=2147483648 -XX:ActiveProcessorCount=2 -Xss1m'")
                .contains("'tandem.odd-name=it'\\''s kept'")
                .endsWith(" '/usr/local/bin/tandem-serving' 'build-index' '--out' '/index' '--bundle' 'models:/m/1'\n");
        // The outer mount first, or it would hide the one inside it.
        assertThat(script.indexOf("\"$root\"'/index'")).isLessThan(script.indexOf("\"$root\"'/index/sub'"));
    }

    @Test
    void aCommandReplacesTheEntryPointAndArgsTheImagesCmd() throws ContainerConfigException {
        UnpackedImage withCmd = new UnpackedImage(
                SERVING.reference(),
                SERVING.manifestDigest(),
                SERVING.rootfs(),
                new ImageConfig(List.of("/entry"), List.of("default-arg"), List.of(), "", ""));
        Container plain = new ContainerBuilder().withName("c").build();
        Container withArgs = new ContainerBuilder().withName("c").withArgs("x").build();
        Container withCommand = new ContainerBuilder()
                .withName("c")
                .withCommand("/bin/sh", "-c")
                .withArgs("echo $(NAME)")
                .build();

        assertThat(LaunchPlanner.command(plain, withCmd, Map.of())).containsExactly("/entry", "default-arg");
        assertThat(LaunchPlanner.command(withArgs, withCmd, Map.of())).containsExactly("/entry", "x");
        assertThat(LaunchPlanner.command(withCommand, withCmd, Map.of("NAME", "n")))
                .containsExactly("/bin/sh", "-c", "echo n");
    }

    @Test
    void theSecurityContextChoosesTheUserAndRunAsNonRootRefusesRoot() {
        UnpackedImage rootImage = new UnpackedImage(
                SERVING.reference(),
                SERVING.manifestDigest(),
                SERVING.rootfs(),
                new ImageConfig(List.of("/entry"), List.of(), List.of(), "", ""));
        Pod nonRoot = new PodBuilder(pod())
                .editSpec()
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .endSecurityContext()
                .endSpec()
                .build();
        Container asUser = new ContainerBuilder()
                .withName("c")
                .withNewSecurityContext()
                .withRunAsUser(2000L)
                .withRunAsGroup(3000L)
                .endSecurityContext()
                .build();
        Container plain = new ContainerBuilder().withName("c").build();

        assertThatThrownBy(() -> LaunchPlanner.user(nonRoot, plain, rootImage))
                .isInstanceOf(ContainerConfigException.class)
                .hasMessageContaining("runAsNonRoot and image will run as root");
        assertThat(catchingUser(nonRoot, asUser, rootImage)).isEqualTo("2000:3000");
        assertThat(catchingUser(pod(), plain, SERVING)).isEqualTo("10001:10001");
    }

    @Test
    void aReadOnlyRootFilesystemIsRemountedReadOnlyAfterItsMounts() throws ContainerConfigException {
        Container container = new ContainerBuilder()
                .withName("c")
                .withNewSecurityContext()
                .withReadOnlyRootFilesystem(true)
                .endSecurityContext()
                .build();

        String script = planner.plan(pod(), container, SERVING, Map.of(), MOUNTS, "198.18.0.9", ROOT)
                .script()
                .orElseThrow()
                .text();

        assertThat(script.indexOf("mount -o remount,ro \"$root\"\n")).isGreaterThan(script.lastIndexOf("mount --bind"));
    }

    @Test
    void withoutLimitsTheJvmSeesTheWholeMachine() {
        assertThat(LaunchPlanner.jvmLimits(new ContainerBuilder().withName("c").build()))
                .isEmpty();
    }

    private static String catchingUser(Pod pod, Container container, UnpackedImage image) {
        try {
            return LaunchPlanner.user(pod, container, image);
        } catch (ContainerConfigException e) {
            throw new AssertionError(e);
        }
    }

    private static Pod pod() {
        return new PodBuilder()
                .withNewMetadata()
                .withName("movies-0")
                .withNamespace("recs")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build();
    }
}
