/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The parts of a running local platform, as {@code dev/platform env} describes them: where the
 * Kubernetes API server, MLflow, Redis and Prometheus listen, and the files tests need to reach them.
 *
 * @param stateDir the platform's state directory (data, logs under {@code logs/}, pid files under {@code run/})
 * @param kubeconfig admin kubeconfig of the local API server
 * @param kubernetesVersion version of the control plane binaries, e.g. {@code 1.33.13}
 * @param kubeApiTestDir directory laid out for fabric8 kube-api-test's offline mode
 * @param mlflowUrl base URL of the MLflow tracking server (REST API and artifact proxy)
 * @param redisUrl {@code redis://host:port} of the Redis server
 * @param prometheusUrl base URL of the Prometheus server
 * @param prometheusTargetsDir directory Prometheus watches for file-based scrape targets
 * @param kubectl the {@code kubectl} built with the control plane
 * @param helm the {@code helm} built from its Go module
 */
public record LocalPlatform(
        Path stateDir,
        Path kubeconfig,
        String kubernetesVersion,
        Path kubeApiTestDir,
        URI mlflowUrl,
        URI redisUrl,
        URI prometheusUrl,
        Path prometheusTargetsDir,
        Path kubectl,
        Path helm) {

    static LocalPlatform fromEnv(Map<String, String> env) {
        return new LocalPlatform(
                Path.of(required(env, "TANDEM_STATE_DIR")),
                Path.of(required(env, "KUBECONFIG")),
                required(env, "TANDEM_KUBERNETES_VERSION"),
                Path.of(required(env, "TANDEM_KUBE_API_TEST_DIR")),
                URI.create(required(env, "TANDEM_MLFLOW_URL")),
                URI.create(required(env, "TANDEM_REDIS_URL")),
                URI.create(required(env, "TANDEM_PROMETHEUS_URL")),
                Path.of(required(env, "TANDEM_PROMETHEUS_TARGETS_DIR")),
                Path.of(required(env, "TANDEM_KUBECTL")),
                Path.of(required(env, "TANDEM_HELM")));
    }

    private static String required(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("dev/platform env did not print " + key);
        }
        return value;
    }

    /** A new fabric8 client for the local API server, authenticated as cluster admin; the caller closes it. */
    public KubernetesClient newKubernetesClient() {
        return new KubernetesClientBuilder().withConfig(kubernetesConfig()).build();
    }

    /** The fabric8 configuration read from the platform's kubeconfig. */
    public Config kubernetesConfig() {
        if (!Files.isReadable(kubeconfig)) {
            throw new IllegalStateException(
                    "the platform kubeconfig " + kubeconfig + " is missing; run dev/platform up");
        }
        return Config.fromKubeconfig(kubeconfig.toFile());
    }

    /** Scrape targets registered with the platform's Prometheus. */
    public PrometheusTargets prometheusTargets() {
        return new PrometheusTargets(prometheusTargetsDir);
    }
}
