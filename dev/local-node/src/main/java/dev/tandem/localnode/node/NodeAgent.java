/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.node;

import dev.tandem.localnode.image.ImageStore;
import dev.tandem.localnode.launch.EnvResolver;
import dev.tandem.localnode.launch.LaunchPlanner;
import dev.tandem.localnode.pod.ApiPodWriter;
import dev.tandem.localnode.pod.NodeContext;
import dev.tandem.localnode.pod.OrphanReaper;
import dev.tandem.localnode.pod.PodAdmission;
import dev.tandem.localnode.pod.PodIpPool;
import dev.tandem.localnode.pod.PodWorkers;
import dev.tandem.localnode.pod.RestartBackoff;
import dev.tandem.localnode.probe.Prober;
import dev.tandem.localnode.volume.ApiClusterObjects;
import dev.tandem.localnode.volume.VolumeSetup;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node agent: registers the node, keeps its lease, and runs the pods bound to it as host processes
 * ({@link PodWorkers}) from OCI images under chroot ({@link ImageStore}, {@link LaunchPlanner}). Closing it is a graceful node shutdown: the node turns NotReady, every pod's processes are
 * stopped and the pods end Failed.
 */
public final class NodeAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);
    private static final Duration LEASE_RENEWAL = Duration.ofSeconds(10);
    private static final Duration STATUS_REPORT = Duration.ofMinutes(1);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final NodeSettings settings;
    private final Path checkout;
    private final Path stateDir;
    private final NodeRegistration registration;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "node heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private PodWorkers workers;
    private Prober prober;
    private SharedIndexInformer<Pod> informer;

    /**
     * @param client a client allowed to manage nodes, leases, pods, events and service account tokens
     * @param settings how the node presents itself
     * @param checkout the Tandem checkout whose built image archives the node runs
     * @param stateDir the node's own directory (pod directories go under {@code pods/}, images under
     *     {@code images/})
     */
    public NodeAgent(KubernetesClient client, NodeSettings settings, Path checkout, Path stateDir) {
        this.client = client;
        this.settings = settings;
        this.checkout = checkout;
        this.stateDir = stateDir;
        this.registration = new NodeRegistration(client, settings);
    }

    /** Registers the node and starts running its pods. */
    public void start() throws IOException {
        Path podsDir = stateDir.resolve("pods");
        Files.createDirectories(podsDir);
        int orphans = OrphanReaper.reap(podsDir);
        if (orphans > 0) {
            LOG.info("killed {} processes an earlier agent left running", orphans);
        }
        ImageStore images = new ImageStore(checkout, stateDir.resolve("images"));
        int unused = images.removeUnused();
        if (unused > 0) {
            LOG.info("removed {} unpacked images that no archive holds any more", unused);
        }
        PodIpPool ips = new PodIpPool(settings.podCidr());
        requireLocal(ips.firstAddress(), settings.podCidr());
        Clock clock = Clock.systemUTC();
        registration.register(clock.instant());
        ApiClusterObjects objects = new ApiClusterObjects(client);
        prober = new Prober();
        NodeContext context = new NodeContext(
                settings.name(),
                settings.hostIp(),
                podsDir,
                images,
                new LaunchPlanner(),
                new EnvResolver(
                        objects, apiServerVariables(client.getMasterUrl().toString())),
                new VolumeSetup(objects),
                ips,
                prober,
                new PodAdmission(settings.name(), settings.capacity()),
                new ApiPodWriter(client, settings.name()),
                RestartBackoff.KUBELET,
                Duration.ofSeconds(5),
                HostCapacity.asStrings(settings.capacity()),
                clock);
        workers = new PodWorkers(context);
        informer = client.pods()
                .inAnyNamespace()
                .withField("spec.nodeName", settings.name())
                .inform(workers, Duration.ofMinutes(5).toMillis());
        heartbeat.scheduleWithFixedDelay(
                () -> beat(() -> registration.renewLease(clock.instant())),
                LEASE_RENEWAL.toSeconds(),
                LEASE_RENEWAL.toSeconds(),
                TimeUnit.SECONDS);
        heartbeat.scheduleWithFixedDelay(
                () -> beat(() -> registration.reportStatus(
                        true, "KubeletReady", "kubelet is posting ready status", clock.instant())),
                STATUS_REPORT.toSeconds(),
                STATUS_REPORT.toSeconds(),
                TimeUnit.SECONDS);
        LOG.info(
                "node {} is Ready: pods get addresses from {}, run the images of {} and {}, and keep their files in {}",
                settings.name(),
                settings.podCidr(),
                checkout,
                images.loadedDir(),
                podsDir);
    }

    /** Fails unless processes can listen on the pod range's addresses, saying how to make them local. */
    static void requireLocal(String address, String cidr) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        } catch (IOException e) {
            throw new IllegalStateException("the pod range " + cidr + " is not local to this machine (cannot listen on "
                    + address + ": " + e.getMessage() + "); route it to the loopback interface once, as root: "
                    + "ip route add local " + cidr + " dev lo");
        }
    }

    private static void beat(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warn("node heartbeat failed: {}", e.toString());
        }
    }

    /**
     * The variables a kubelet gives every container for the {@code kubernetes} Service. That Service's cluster IP
     * is not routed here, so they name the API server's own address, which is its single endpoint.
     */
    static Map<String, String> apiServerVariables(String masterUrl) {
        URI uri = URI.create(masterUrl);
        String host = uri.getHost();
        String port = Integer.toString(uri.getPort() > 0 ? uri.getPort() : 443);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("KUBERNETES_SERVICE_HOST", host);
        vars.put("KUBERNETES_SERVICE_PORT", port);
        vars.put("KUBERNETES_SERVICE_PORT_HTTPS", port);
        vars.put("KUBERNETES_PORT", "tcp://" + host + ":" + port);
        return vars;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            registration.reportStatus(
                    false,
                    "KubeletNotReady",
                    "the node agent is shutting down",
                    Clock.systemUTC().instant());
        } catch (RuntimeException e) {
            LOG.warn("cannot report the node NotReady: {}", e.toString());
        }
        if (workers != null) {
            workers.shutDown(SHUTDOWN_GRACE);
        }
        if (informer != null) {
            informer.close();
        }
        if (prober != null) {
            prober.close();
        }
        LOG.info("node {} stopped", settings.name());
    }
}
