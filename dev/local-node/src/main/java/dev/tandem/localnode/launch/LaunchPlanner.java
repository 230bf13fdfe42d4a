/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import dev.tandem.localnode.image.UnpackedImage;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a container into a host process that runs its image as a container runtime would, without one: in a mount
 * and UTS namespace of its own, on an overlay of the unpacked image, with its volumes, {@code /proc}, a minimal
 * {@code /dev} and its {@code /etc/hosts} bound in, the pod's name as host name, {@code chroot}ed into that root as
 * the image's (or the security context's) user, running the image's entry point (or the container's command) with the
 * image's environment under the container's.
 *
 * <p>What it does not isolate: the network (the process shares the host's and is told to listen on its pod's
 * address), process ids, and resources (limits are passed to the JVM as its view of the machine, not enforced).
 */
public final class LaunchPlanner {

    /** The variable every JVM reads for extra flags, whatever the image's entry point does. */
    static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    /**
     * Variables that name the address a Quarkus application listens on. Without a network namespace, binding to all
     * interfaces would take the port on every pod's address; each process listens on its own pod's address instead.
     */
    static final List<String> BIND_ADDRESS_VARIABLES = List.of("QUARKUS_HTTP_HOST", "QUARKUS_GRPC_SERVER_HOST");

    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final List<String> DEVICES = List.of("null", "zero", "full", "random", "urandom", "tty");

    /**
     * @param pod the container's pod
     * @param container the container as the pod spec has it
     * @param image its unpacked image
     * @param env the container's resolved environment ({@link EnvResolver})
     * @param mounts its volumes, and its termination message file, at their container paths
     * @param podIp the address the process listens on
     * @param root the container's root filesystem directories
     */
    public ProcessLaunch plan(
            Pod pod,
            Container container,
            UnpackedImage image,
            Map<String, String> env,
            List<Mount> mounts,
            String podIp,
            ContainerRoot root)
            throws ContainerConfigException {
        List<String> command = command(container, image, env);
        String user = user(pod, container, image);
        Map<String, String> environment = environment(container, image, env, podIp, pod);
        String workingDir = nonEmpty(container.getWorkingDir())
                .or(() -> nonEmpty(image.config().workingDir()))
                .orElse("/");
        boolean readOnlyRoot = Optional.ofNullable(container.getSecurityContext())
                .map(SecurityContext::getReadOnlyRootFilesystem)
                .orElse(false);

        StringBuilder script = new StringBuilder();
        script.append("#!/bin/sh\n# Made by the local node for container ")
                .append(container.getName())
                .append(" of pod ")
                .append(pod.getMetadata().getName())
                .append(", image ")
                .append(image.imageId())
                .append(".\nset -eu\nroot=")
                .append(quote(root.merged().toString()))
                .append('\n');
        script.append("mount -t overlay overlay -o ")
                .append(quote("lowerdir=" + image.rootfs() + ",upperdir=" + root.upper() + ",workdir=" + root.work()))
                .append(" \"$root\"\n");
        script.append("mount -t proc proc \"$root/proc\"\n");
        script.append("mkdir -p \"$root/dev\" && mount -t tmpfs -o nosuid,mode=0755 dev \"$root/dev\"\n");
        for (String device : DEVICES) {
            script.append(": > \"$root/dev/")
                    .append(device)
                    .append("\" && mount --bind /dev/")
                    .append(device)
                    .append(" \"$root/dev/")
                    .append(device)
                    .append("\"\n");
        }
        script.append("mkdir \"$root/dev/shm\" && mount -t tmpfs -o nosuid,nodev,mode=1777 shm \"$root/dev/shm\"\n");
        script.append("ln -s /proc/self/fd \"$root/dev/fd\"\n");
        script.append("ln -s /proc/self/fd/0 \"$root/dev/stdin\"\n");
        script.append("ln -s /proc/self/fd/1 \"$root/dev/stdout\"\n");
        script.append("ln -s /proc/self/fd/2 \"$root/dev/stderr\"\n");
        List<Mount> all = new ArrayList<>();
        all.add(new Mount("/etc/hosts", root.hosts(), true));
        all.add(new Mount("/etc/resolv.conf", Path.of("/etc/resolv.conf"), true));
        all.addAll(mounts);
        // Targets are resolved inside the image first (its links must not lead out of it); a mount inside another
        // volume's path must come after it, or the outer one would hide it.
        Map<Mount, String> targets = new LinkedHashMap<>();
        for (Mount mount : all) {
            targets.put(mount, RootPath.resolve(image.rootfs(), mount.containerPath()));
        }
        all.sort(Comparator.comparingInt((Mount m) -> targets.get(m).length()));
        for (Mount mount : all) {
            String target = "\"$root\"" + quote(targets.get(mount));
            String host = quote(mount.hostPath().toString());
            script.append("if [ -d ")
                    .append(host)
                    .append(" ]; then mkdir -p ")
                    .append(target)
                    .append("; else mkdir -p \"$(dirname ")
                    .append(target)
                    .append(")\" && { [ -e ")
                    .append(target)
                    .append(" ] || : > ")
                    .append(target)
                    .append("; }; fi\n");
            script.append("mount --bind ")
                    .append(host)
                    .append(' ')
                    .append(target)
                    .append('\n');
            if (mount.readOnly()) {
                script.append("mount -o remount,bind,ro ").append(target).append('\n');
            }
        }
        if (readOnlyRoot) {
            script.append("mount -o remount,ro \"$root\"\n");
        }
        script.append("hostname ").append(quote(pod.getMetadata().getName())).append('\n');
        script.append("exec chroot --userspec=")
                .append(quote(user))
                .append(" \"$root\" /usr/bin/env -i -C ")
                .append(quote(workingDir));
        environment.forEach((name, value) -> script.append(' ').append(quote(name + "=" + value)));
        for (String arg : command) {
            script.append(' ').append(quote(arg));
        }
        script.append('\n');

        return new ProcessLaunch(
                List.of(
                        "unshare",
                        "--mount",
                        "--uts",
                        "--propagation",
                        "private",
                        "--",
                        "/bin/sh",
                        root.startScript().toString()),
                Map.of("PATH", DEFAULT_PATH),
                root.dir(),
                Optional.of(new ProcessLaunch.Script(root.startScript(), script.toString())));
    }

    /** Kubernetes' rule: {@code command} replaces the entry point, {@code args} the image's {@code Cmd}. */
    static List<String> command(Container container, UnpackedImage image, Map<String, String> env)
            throws ContainerConfigException {
        List<String> command = new ArrayList<>();
        List<String> args = container.getArgs() == null ? List.of() : container.getArgs();
        if (container.getCommand() != null && !container.getCommand().isEmpty()) {
            container.getCommand().forEach(c -> command.add(VarExpansion.expand(c, env)));
            args.forEach(a -> command.add(VarExpansion.expand(a, env)));
        } else {
            command.addAll(image.config().entrypoint());
            if (!args.isEmpty()) {
                args.forEach(a -> command.add(VarExpansion.expand(a, env)));
            } else {
                command.addAll(image.config().cmd());
            }
        }
        if (command.isEmpty()) {
            throw new ContainerConfigException("container " + container.getName() + " has no command and image "
                    + image.reference() + " has no entry point");
        }
        return command;
    }

    /** {@code uid:gid}: the security context's {@code runAsUser}/{@code runAsGroup} over the image's user. */
    static String user(Pod pod, Container container, UnpackedImage image) throws ContainerConfigException {
        Optional<SecurityContext> own = Optional.ofNullable(container.getSecurityContext());
        Optional<PodSecurityContext> podLevel =
                Optional.ofNullable(pod.getSpec().getSecurityContext());
        String[] imageUser = image.config().user().isEmpty()
                ? new String[] {"0", "0"}
                : image.config().user().split(":", 2);
        String uid = own.map(SecurityContext::getRunAsUser)
                .or(() -> podLevel.map(PodSecurityContext::getRunAsUser))
                .map(String::valueOf)
                .orElse(imageUser[0]);
        String gid = own.map(SecurityContext::getRunAsGroup)
                .or(() -> podLevel.map(PodSecurityContext::getRunAsGroup))
                .map(String::valueOf)
                .orElse(imageUser.length > 1 ? imageUser[1] : uid.equals(imageUser[0]) ? "0" : uid);
        if (!uid.matches("\\d+") || !gid.matches("\\d+")) {
            throw new ContainerConfigException("image " + image.reference() + " names its user "
                    + image.config().user() + "; the local node runs only numeric users (set runAsUser)");
        }
        boolean nonRoot = own.map(SecurityContext::getRunAsNonRoot)
                .or(() -> podLevel.map(PodSecurityContext::getRunAsNonRoot))
                .orElse(false);
        if (nonRoot && uid.equals("0")) {
            throw new ContainerConfigException(
                    "container has runAsNonRoot and image will run as root (image " + image.reference() + ")");
        }
        return uid + ":" + gid;
    }

    private static Map<String, String> environment(
            Container container, UnpackedImage image, Map<String, String> env, String podIp, Pod pod) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", DEFAULT_PATH);
        for (String entry : image.config().env()) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                environment.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        environment.put("HOSTNAME", pod.getMetadata().getName());
        BIND_ADDRESS_VARIABLES.forEach(name -> environment.put(name, podIp));
        jvmLimits(container).ifPresent(flags -> environment.put(JAVA_TOOL_OPTIONS, flags));
        env.forEach((name, value) -> {
            if (name.equals(JAVA_TOOL_OPTIONS) && environment.containsKey(JAVA_TOOL_OPTIONS)) {
                environment.put(name, environment.get(JAVA_TOOL_OPTIONS) + " " + value);
            } else {
                environment.put(name, value);
            }
        });
        return environment;
    }

    /**
     * A JVM in a container sizes its heap and thread pools from the cgroup limits; here there are none, so the limits
     * are passed as the JVM's own view of the machine. They are not enforced.
     */
    static Optional<String> jvmLimits(Container container) {
        List<String> flags = new ArrayList<>();
        ResourceAmounts.limit(container, "memory")
                .ifPresent(bytes -> flags.add(
                        "-XX:MaxRAM=" + bytes.setScale(0, RoundingMode.CEILING).toPlainString()));
        ResourceAmounts.limit(container, "cpu")
                .ifPresent(cores -> flags.add("-XX:ActiveProcessorCount="
                        + cores.setScale(0, RoundingMode.CEILING)
                                .max(BigDecimal.ONE)
                                .toPlainString()));
        return flags.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", flags));
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Quotes a value for {@code sh}: single quotes, each single quote in it closed, escaped and reopened. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
