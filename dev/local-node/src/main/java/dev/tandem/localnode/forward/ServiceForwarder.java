/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.forward;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What kube-proxy would do for one Service port, for a client on this machine: a local TCP port whose connections
 * go to the Service's ready endpoints, one after the other (round-robin per connection), following the Service's
 * EndpointSlices as they change. A connection made while no endpoint is ready is closed at once, as a Service
 * without endpoints refuses it.
 */
public final class ServiceForwarder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceForwarder.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final String service;
    private final String portName;
    private final Map<String, EndpointSlice> slices = new ConcurrentHashMap<>();
    private final AtomicLong connections = new AtomicLong();
    private final ServerSocket server;
    private final SharedIndexInformer<EndpointSlice> informer;
    private final Thread acceptor;
    private final Consumer<List<EndpointAddress>> onChange;
    private volatile List<EndpointAddress> endpoints = List.of();

    private ServiceForwarder(
            KubernetesClient client,
            String namespace,
            String service,
            String portName,
            int localPort,
            Consumer<List<EndpointAddress>> onChange)
            throws IOException {
        this.service = namespace + "/" + service;
        this.portName = portName;
        this.onChange = onChange;
        this.informer = client.discovery()
                .v1()
                .endpointSlices()
                .inNamespace(namespace)
                .withLabel("kubernetes.io/service-name", service)
                .inform(new SliceHandler(), 0);
        this.server = new ServerSocket(localPort, 128, InetAddress.getLoopbackAddress());
        this.acceptor =
                Thread.ofPlatform().daemon().name("forward " + this.service).start(this::accept);
    }

    /**
     * Starts forwarding.
     *
     * @param client a client that may read the Service and its EndpointSlices
     * @param namespace the Service's namespace
     * @param service the Service's name
     * @param port the Service port: its name or its number
     * @param localPort the local port on 127.0.0.1; 0 picks a free one ({@link #localPort()})
     * @param onChange told the ready endpoints whenever they change
     */
    public static ServiceForwarder start(
            KubernetesClient client,
            String namespace,
            String service,
            String port,
            int localPort,
            Consumer<List<EndpointAddress>> onChange)
            throws IOException {
        Service object =
                client.services().inNamespace(namespace).withName(service).get();
        if (object == null) {
            throw new IllegalArgumentException("no Service " + namespace + "/" + service);
        }
        ServicePort servicePort = servicePort(object, port)
                .orElseThrow(() -> new IllegalArgumentException("Service " + namespace + "/" + service
                        + " has no port " + port + "; its ports: "
                        + object.getSpec().getPorts().stream()
                                .map(p ->
                                        p.getName() == null ? p.getPort().toString() : p.getName() + "=" + p.getPort())
                                .toList()));
        return new ServiceForwarder(client, namespace, service, servicePort.getName(), localPort, onChange);
    }

    /** The Service port named {@code port}, or numbered so; a Service's only port when {@code port} is empty. */
    static Optional<ServicePort> servicePort(Service service, String port) {
        List<ServicePort> ports = service.getSpec().getPorts();
        if (port == null || port.isEmpty()) {
            return ports.size() == 1 ? Optional.of(ports.getFirst()) : Optional.empty();
        }
        return ports.stream()
                .filter(p -> port.equals(p.getName()) || port.equals(String.valueOf(p.getPort())))
                .findFirst();
    }

    /** The local port clients connect to. */
    public int localPort() {
        return server.getLocalPort();
    }

    /** The endpoints connections currently go to. */
    public List<EndpointAddress> endpoints() {
        return endpoints;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> forward(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("forwarder for {} cannot accept: {}", service, e.toString());
                }
            }
        }
    }

    private void forward(Socket client) {
        try (client) {
            List<EndpointAddress> current = endpoints;
            if (current.isEmpty()) {
                LOG.info("{} has no ready endpoint; connection closed", service);
                return;
            }
            long n = connections.getAndIncrement();
            // Try each endpoint once, starting from this connection's turn, as kube-proxy retries another backend.
            for (int i = 0; i < current.size(); i++) {
                EndpointAddress target = current.get((int) ((n + i) % current.size()));
                Socket upstream = new Socket();
                try {
                    upstream.connect(new InetSocketAddress(target.ip(), target.port()), CONNECT_TIMEOUT_MILLIS);
                } catch (IOException e) {
                    upstream.close();
                    LOG.info("{}: endpoint {} refused: {}", service, target, e.toString());
                    continue;
                }
                try (upstream) {
                    Thread back = Thread.ofVirtual().start(() -> pump(upstream, client));
                    pump(client, upstream);
                    back.join();
                }
                return;
            }
        } catch (IOException e) {
            LOG.debug("forwarding for {} ended: {}", service, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (SocketException e) {
            // The other side closed: the copy in the other direction ends too.
        } catch (IOException e) {
            LOG.debug("copy ended: {}", e.toString());
        }
    }

    private void refresh() {
        List<EndpointAddress> ready = ServiceEndpoints.ready(slices.values(), portName);
        if (!ready.equals(endpoints)) {
            endpoints = ready;
            onChange.accept(ready);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the listener of {}: {}", service, e.toString());
        }
        informer.close();
        acceptor.interrupt();
    }

    private final class SliceHandler implements ResourceEventHandler<EndpointSlice> {
        @Override
        public void onAdd(EndpointSlice slice) {
            slices.put(slice.getMetadata().getName(), slice);
            refresh();
        }

        @Override
        public void onUpdate(EndpointSlice oldSlice, EndpointSlice newSlice) {
            slices.put(newSlice.getMetadata().getName(), newSlice);
            refresh();
        }

        @Override
        public void onDelete(EndpointSlice slice, boolean deletedFinalStateUnknown) {
            slices.remove(slice.getMetadata().getName());
            refresh();
        }
    }
}
