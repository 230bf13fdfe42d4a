/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import io.fabric8.kubernetes.api.model.Container;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a container of a mapped image into a host process: the node's JDK running the image's jar with the
 * container's arguments and environment, paths in them moved onto the host, and the JVM told what a container
 * would have told it (its memory and CPU limits, its own {@code /tmp}, the address to listen on).
 */
public final class LaunchPlanner {

    /** The variable that Java images' entry points (such as the one Quarkus builds) add to the JVM's flags. */
    static final String JAVA_OPTS = "JAVA_OPTS";

    private static final String CONTAINER_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Path java;

    /** @param java the {@code java} executable that runs every image */
    public LaunchPlanner(Path java) {
        this.java = java;
    }

    /**
     * @param container the container as the pod spec has it
     * @param launcher the image's launcher
     * @param jar the launcher's jar in the checkout
     * @param env the container's resolved environment ({@link EnvResolver}), container paths not yet mapped
     * @param paths where the container's mount paths are on the host
     * @param podIp the address the process listens on
     * @param tmpDir the container's private temporary directory
     * @param defaultWorkingDirectory where the process starts unless the container names a directory in a volume
     */
    public ProcessLaunch plan(
            Container container,
            ImageLauncher launcher,
            Path jar,
            Map<String, String> env,
            PathMapping paths,
            String podIp,
            Path tmpDir,
            Path defaultWorkingDirectory)
            throws ContainerConfigException {
        if (container.getCommand() != null && !container.getCommand().isEmpty()) {
            throw new ContainerConfigException("container " + container.getName() + " sets command "
                    + container.getCommand() + "; the local node runs only the entry point of image "
                    + launcher.imageName() + " (use args)");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", CONTAINER_PATH);
        environment.put("TMPDIR", tmpDir.toString());
        env.forEach((name, value) -> environment.put(name, paths.map(value)));

        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(launcher.jvmFlags());
        // A JVM in a container sizes its heap and thread pools from the cgroup limits; here there are none, so the
        // limits are passed as the JVM's own view of the machine. They are not enforced.
        ResourceAmounts.limit(container, "memory")
                .ifPresent(bytes -> command.add(
                        "-XX:MaxRAM=" + bytes.setScale(0, RoundingMode.CEILING).toPlainString()));
        ResourceAmounts.limit(container, "cpu")
                .ifPresent(cores -> command.add("-XX:ActiveProcessorCount="
                        + cores.setScale(0, RoundingMode.CEILING)
                                .max(BigDecimal.ONE)
                                .toPlainString()));
        command.add("-Djava.io.tmpdir=" + tmpDir);
        for (String property : launcher.bindAddressProperties()) {
            command.add("-D" + property + "=" + podIp);
        }
        String javaOpts = environment.get(JAVA_OPTS);
        if (javaOpts != null && !javaOpts.isBlank()) {
            command.addAll(List.of(javaOpts.strip().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        for (String arg : container.getArgs() == null ? List.<String>of() : container.getArgs()) {
            command.add(paths.map(VarExpansion.expand(arg, env)));
        }

        Path workingDirectory = defaultWorkingDirectory;
        if (container.getWorkingDir() != null && !container.getWorkingDir().isEmpty()) {
            String mapped = paths.map(container.getWorkingDir());
            // A directory of the image's own file system does not exist on the host; only volumes do.
            if (!mapped.equals(container.getWorkingDir())) {
                workingDirectory = Path.of(mapped);
            }
        }
        return new ProcessLaunch(command, environment, workingDirectory);
    }
}
