/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode;

import dev.tandem.localnode.node.HostCapacity;
import dev.tandem.localnode.node.NodeAgent;
import dev.tandem.localnode.node.NodeSettings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the node agent, until SIGTERM (then a graceful node shutdown). */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the node agent until terminated.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--kubeconfig", required = true, description = "Kubeconfig of a cluster admin")
    Path kubeconfig;

    @Option(names = "--node-name", defaultValue = "local-0", description = "The Node's name. Default: ${DEFAULT-VALUE}")
    String nodeName;

    @Option(
            names = "--state-dir",
            required = true,
            description = "The node's directory: pods' volumes, logs, pid files")
    Path stateDir;

    @Option(
            names = "--checkout",
            required = true,
            description = "The Tandem checkout whose built image archives (<module>/target/*.oci.tar) the node runs")
    Path checkout;

    @Option(
            names = "--pod-cidr",
            defaultValue = "198.18.0.0/24",
            description = "Range of pod addresses, routed to the loopback interface as a local range "
                    + "(ip route add local CIDR dev lo). Default: ${DEFAULT-VALUE}")
    String podCidr;

    @Option(
            names = "--kubelet-version",
            defaultValue = "v1.33.13",
            description = "Version the Node reports. Default: ${DEFAULT-VALUE}")
    String kubeletVersion;

    @Option(
            names = "--no-taint",
            description = "Leave out the tandem.dev/local-node=true:NoSchedule taint, so any pod may land here")
    boolean noTaint;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(stateDir);
        // Two agents for one node would each run its pods: the second one refuses to start. The lock goes with the
        // process, however it ends.
        try (FileChannel lockFile =
                FileChannel.open(stateDir.resolve("agent.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (lockFile.tryLock() == null) {
                System.err.println("another node agent runs with the state directory " + stateDir + "; stop it first");
                return 1;
            }
            runAgent();
        }
        return 0;
    }

    private void runAgent() throws Exception {
        NodeSettings settings =
                new NodeSettings(nodeName, "127.0.0.1", podCidr, kubeletVersion, HostCapacity.of(stateDir), !noTaint);
        Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
        CountDownLatch stopped = new CountDownLatch(1);
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build()) {
            NodeAgent agent = new NodeAgent(client, settings, checkout.toAbsolutePath(), stateDir.toAbsolutePath());
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                agent.close();
                                stopped.countDown();
                            },
                            "node shutdown"));
            agent.start();
            stopped.await();
        }
    }
}
