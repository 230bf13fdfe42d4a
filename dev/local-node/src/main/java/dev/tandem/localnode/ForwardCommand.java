/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode;

import dev.tandem.localnode.forward.ServiceForwarder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forward}: a local port to a Service's ready endpoints, until interrupted. */
@Command(
        name = "forward",
        mixinStandardHelpOptions = true,
        description = "Forward a port on 127.0.0.1 to the ready endpoints of a Service, following its EndpointSlices.")
final class ForwardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", required = true, description = "Kubeconfig of the cluster")
    Path kubeconfig;

    @Option(
            names = {"-n", "--namespace"},
            defaultValue = "default",
            description = "Default: ${DEFAULT-VALUE}")
    String namespace;

    @Parameters(index = "0", description = "The Service, as NAME or svc/NAME")
    String service;

    @Parameters(
            index = "1",
            description = "[LOCAL_PORT:]SERVICE_PORT; the Service port by name or number, LOCAL_PORT 0 or left out "
                    + "for a free one")
    String ports;

    @Override
    public Integer call() throws Exception {
        String name = service.startsWith("svc/") ? service.substring(4) : service;
        int colon = ports.lastIndexOf(':');
        int localPort = colon < 0 ? 0 : Integer.parseInt(ports.substring(0, colon));
        String servicePort = colon < 0 ? ports : ports.substring(colon + 1);
        PrintWriter out = spec.commandLine().getOut();
        Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
        CountDownLatch interrupted = new CountDownLatch(1);
        try (KubernetesClient client =
                        new KubernetesClientBuilder().withConfig(config).build();
                ServiceForwarder forwarder =
                        ServiceForwarder.start(client, namespace, name, servicePort, localPort, endpoints -> {
                            out.printf(
                                    "%s %s/%s:%s ready endpoints: %s%n",
                                    LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                                    namespace,
                                    name,
                                    servicePort,
                                    endpoints.isEmpty() ? "none" : endpoints);
                            out.flush();
                        })) {
            out.printf("forwarding 127.0.0.1:%d -> %s/%s:%s%n", forwarder.localPort(), namespace, name, servicePort);
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(interrupted::countDown));
            interrupted.await();
        }
        return 0;
    }
}
