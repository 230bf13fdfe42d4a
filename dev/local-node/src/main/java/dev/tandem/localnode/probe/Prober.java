/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.probe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Runs a container's HTTP GET and TCP socket probes against the pod's address, as a kubelet does: an HTTP status from
 * 200 to 399 passes (HTTPS certificates are not verified), a TCP probe passes when the port accepts a connection.
 */
public final class Prober implements AutoCloseable {

    private final HttpClient http;
    private final HttpClient https;

    public Prober() {
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.https = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .sslContext(trustingAll())
                .build();
    }

    /**
     * Why the local node cannot run a probe, or empty when it can. Only HTTP GET and TCP socket probes run here:
     * an exec probe would have to run a command inside an image the node does not have.
     */
    public static Optional<String> unsupported(Probe probe, String what) {
        if (probe == null || probe.getHttpGet() != null || probe.getTcpSocket() != null) {
            return Optional.empty();
        }
        String kind = probe.getExec() != null ? "an exec" : probe.getGrpc() != null ? "a gRPC" : "an empty";
        return Optional.of(what + " is " + kind + " probe; the local node runs only httpGet and tcpSocket probes");
    }

    /** Runs the probe once against {@code podIp}. */
    public ProbeResult run(Probe probe, Container container, String podIp, Duration timeout) {
        try {
            if (probe.getHttpGet() != null) {
                return httpGet(probe.getHttpGet(), container, podIp, timeout);
            }
            if (probe.getTcpSocket() != null) {
                return tcp(probe.getTcpSocket(), container, podIp, timeout);
            }
            return ProbeResult.failed("unsupported probe");
        } catch (IllegalArgumentException e) {
            return ProbeResult.failed(e.getMessage());
        }
    }

    private ProbeResult httpGet(HTTPGetAction action, Container container, String podIp, Duration timeout) {
        String scheme = action.getScheme() == null ? "HTTP" : action.getScheme();
        String host = action.getHost() == null || action.getHost().isEmpty() ? podIp : action.getHost();
        int port = port(action.getPort(), container);
        String path = action.getPath() == null || action.getPath().isEmpty() ? "/" : action.getPath();
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        URI uri = URI.create(scheme.toLowerCase(java.util.Locale.ROOT) + "://" + host + ":" + port + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", "kube-probe/1.33")
                .GET();
        if (action.getHttpHeaders() != null) {
            for (HTTPHeader header : action.getHttpHeaders()) {
                request.header(header.getName(), header.getValue());
            }
        }
        try {
            HttpResponse<Void> response = (scheme.equalsIgnoreCase("HTTPS") ? https : http)
                    .send(request.build(), HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            if (code >= 200 && code < 400) {
                return ProbeResult.passed("HTTP probe " + uri + " returned " + code);
            }
            return ProbeResult.failed("HTTP probe failed with statuscode: " + code);
        } catch (IOException e) {
            return ProbeResult.failed("Get \"" + uri + "\": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.failed("interrupted");
        }
    }

    private static ProbeResult tcp(TCPSocketAction action, Container container, String podIp, Duration timeout) {
        String host = action.getHost() == null || action.getHost().isEmpty() ? podIp : action.getHost();
        int port = port(action.getPort(), container);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return ProbeResult.passed("connected to " + host + ":" + port);
        } catch (IOException e) {
            return ProbeResult.failed("dial tcp " + host + ":" + port + ": " + describe(e));
        }
    }

    /** A port given by number or by the name of one of the container's ports. */
    static int port(IntOrString port, Container container) {
        if (port == null) {
            throw new IllegalArgumentException("the probe names no port");
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        String name = port.getStrVal();
        if (container.getPorts() != null) {
            for (ContainerPort p : container.getPorts()) {
                if (name.equals(p.getName())) {
                    return p.getContainerPort();
                }
            }
        }
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("container " + container.getName() + " has no port named " + name);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    // Kubelets do not verify probe certificates either: the probe checks that the process answers, not who it is.
    private static SSLContext trustingAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingManager()}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("no TLS", e);
        }
    }

    @Override
    public void close() {
        http.close();
        https.close();
    }

    private static final class TrustingManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
