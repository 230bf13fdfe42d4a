/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.node;

import dev.tandem.api.image.TandemImage;
import dev.tandem.api.serving.ServingEndpoints;
import dev.tandem.api.serving.ServingProperties;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serving pods on the local node, configured as a Rollout's pods would be, and how to ask them about their model.
 *
 * <p>Needs the serving runtime's jar ({@code serving-image/target/quarkus-app}): a module whose tests use it declares
 * a test-scope {@code pom} dependency on {@code tandem-serving}, so that the reactor builds serving first.
 */
public final class ServingPods {

    /** The serving image, as a pod names it (the local node runs the serving jar for any registry and tag). */
    public static final String IMAGE = TandemImage.SERVING.reference();

    /** The serving runtime's HTTP port (TF Serving's REST API, health, metrics), named {@code http}. */
    public static final int HTTP_PORT = ServingEndpoints.HTTP_PORT;

    /** The serving runtime's gRPC port, named {@code grpc}. */
    public static final int GRPC_PORT = ServingEndpoints.GRPC_PORT;

    private static final Pattern STATE = Pattern.compile("\"version\":\"(\\d+)\",\"state\":\"([A-Z]+)\"");

    private ServingPods() {}

    /**
     * The serving container, named {@code server}, for one version of the model: its bundle from the registry,
     * a small heap, readiness when the pair is loaded and warm, and a liveness probe after a minute.
     *
     * @param extraEnv further environment variables, e.g. {@code TANDEM_WARMUP_QUERIES}
     */
    public static Container container(NodeTrainedModel.Model model, int version, Map<String, String> extraEnv) {
        List<EnvVar> env = new ArrayList<>(List.of(
                new EnvVar(ServingProperties.env(ServingProperties.BUNDLE), model.uri(version), null),
                new EnvVar(ServingProperties.env(ServingProperties.MLFLOW_TRACKING_URI), model.mlflow(), null),
                // Two serving JVMs share this machine's two cores and the test JVM's memory.
                new EnvVar("JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC", null)));
        extraEnv.forEach((k, v) -> env.add(new EnvVar(k, v, null)));
        return new ContainerBuilder()
                .withName("server")
                .withImage(IMAGE)
                .withEnv(env)
                .addNewPort()
                .withName("http")
                .withContainerPort(HTTP_PORT)
                .endPort()
                .addNewPort()
                .withName("grpc")
                .withContainerPort(GRPC_PORT)
                .endPort()
                .withNewReadinessProbe()
                .withNewHttpGet()
                .withPath(ServingEndpoints.READINESS_PATH)
                .withPort(new IntOrString("http"))
                .endHttpGet()
                .withPeriodSeconds(1)
                .withTimeoutSeconds(2)
                .endReadinessProbe()
                .withNewLivenessProbe()
                .withNewHttpGet()
                .withPath(ServingEndpoints.LIVENESS_PATH)
                .withPort(new IntOrString("http"))
                .endHttpGet()
                .withInitialDelaySeconds(60)
                .withPeriodSeconds(5)
                .withTimeoutSeconds(3)
                .withFailureThreshold(6)
                .endLivenessProbe()
                .build();
    }

    /** A Deployment of one replica of the container on the local node, its pods labelled {@code labels}. */
    public static Deployment deployment(
            String namespace, String name, Map<String, String> labels, Container container) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .withMatchLabels(labels)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withSpec(LocalNode.placed(new PodSpecBuilder()
                        .withContainers(container)
                        .withTerminationGracePeriodSeconds(10L)
                        .build()))
                .endTemplate()
                .endSpec()
                .build();
    }

    /** A bare pod of the container on the local node. */
    public static Pod pod(String namespace, String name, Container container) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withSpec(LocalNode.placed(new PodSpecBuilder()
                        .withContainers(container)
                        .withTerminationGracePeriodSeconds(10L)
                        .build()))
                .build();
    }

    /**
     * What the server at {@code host:port} says of the model ({@code GET /v1/models/<name>}): the version and its
     * TF Serving state, or empty when nothing answers there yet.
     */
    public static Optional<VersionState> state(HttpClient http, String host, int port, String model) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/v1/models/" + model))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = STATE.matcher(response.body());
            return m.find()
                    ? Optional.of(new VersionState(Integer.parseInt(m.group(1)), m.group(2)))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * One version's state, as TF Serving's status API reports it.
     *
     * @param version the model version
     * @param state e.g. {@code AVAILABLE}
     */
    public record VersionState(int version, String state) {}
}
