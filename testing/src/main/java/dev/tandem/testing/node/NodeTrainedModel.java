/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.node;

import dev.tandem.api.mlflow.ModelUri;
import dev.tandem.testing.LocalPlatform;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A small model trained the way the system trains models, by the trainer image running as Jobs on the local node:
 * {@code generate --size tiny}, then {@code train} of versions 1 and 2 (different seeds, 16 dimensions), registered
 * in the platform's MLflow under a name of its own. Trained once per test JVM (about a minute); tests then load it
 * from the registry, e.g. in serving pods ({@link ServingPods#container}) or {@code build-index} Jobs.
 *
 * <p>Needs the trainer's jar ({@code trainer-image/target}): a module whose tests use it declares a test-scope
 * {@code pom} dependency on {@code tandem-trainer}, so that the reactor builds the trainer first.
 */
public final class NodeTrainedModel {

    /** The trainer image, as a pod names it (the local node runs the trainer's jar for any registry and tag). */
    public static final String TRAINER_IMAGE = "ghcr.io/tandem-dev/tandem-trainer:0.1.0";

    private static final Duration JOB_TIMEOUT = LocalNode.PATIENCE;

    private static Model model;

    /**
     * The registered model.
     *
     * @param name its name in the MLflow registry
     * @param mlflow the tracking URI, as pods reach it
     */
    public record Model(String name, String mlflow) {

        /** The registry URI of one version, {@code models:/<name>/<version>}. */
        public String uri(int version) {
            return ModelUri.of(name, String.valueOf(version)).toString();
        }
    }

    private NodeTrainedModel() {}

    /** The model, trained on first use: brings the local node up and runs the trainer's Jobs on it. */
    public static synchronized Model get(LocalPlatform platform) {
        if (model == null) {
            model = train(platform);
        }
        return model;
    }

    /**
     * Another model of its own, trained now: for a test that changes the model's state in the MLflow registry
     * (stages, aliases, archiving), which other tests must not see.
     */
    public static Model fresh(LocalPlatform platform) {
        return train(platform);
    }

    private static Model train(LocalPlatform platform) {
        LocalNode.up();
        String name = "node-it-" + UUID.randomUUID().toString().substring(0, 8);
        String namespace = "t-" + name;
        String mlflow = platform.mlflowUrl().toString();
        try (KubernetesClient client = platform.newKubernetesClient()) {
            Path data = Files.createTempDirectory("local-node-models");
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .addToLabels("tandem.dev/test-namespace", "true")
                            .endMetadata()
                            .build())
                    .create();
            try {
                List<Volume> volumes = List.of(new VolumeBuilder()
                        .withName("data")
                        .withNewHostPath()
                        .withPath(data.toString())
                        .withType("Directory")
                        .endHostPath()
                        .build());
                JobRuns.runToCompletion(
                        client,
                        JobRuns.job(
                                        namespace,
                                        "generate",
                                        trainer("generate", "--size", "tiny", "--seed", "7", "--out", "/data/datasets"),
                                        volumes)
                                .build(),
                        JOB_TIMEOUT);
                String dataset = "/data/datasets/" + onlyEntry(data.resolve("datasets"));
                for (int version = 1; version <= 2; version++) {
                    JobRuns.runToCompletion(
                            client,
                            JobRuns.job(
                                            namespace,
                                            "train-" + version,
                                            trainer(
                                                    "train",
                                                    "--dataset",
                                                    dataset,
                                                    "--mlflow",
                                                    mlflow,
                                                    "--model",
                                                    name,
                                                    "--epochs",
                                                    "2",
                                                    "--dim",
                                                    "16",
                                                    "--seed",
                                                    Integer.toString(version),
                                                    "--work-dir",
                                                    "/data/work-" + version),
                                            volumes)
                                    .build(),
                            JOB_TIMEOUT);
                }
            } finally {
                client.namespaces().withName(namespace).delete();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Model(name, mlflow);
    }

    private static Container trainer(String... args) {
        return new ContainerBuilder()
                .withName("trainer")
                .withImage(TRAINER_IMAGE)
                .withArgs(args)
                .addNewVolumeMount()
                .withName("data")
                .withMountPath("/data")
                .endVolumeMount()
                .build();
    }

    private static String onlyEntry(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> all = entries.toList();
            if (all.size() != 1) {
                throw new IllegalStateException("expected one dataset in " + dir + ", found " + all);
            }
            return all.getFirst().getFileName().toString();
        }
    }
}
