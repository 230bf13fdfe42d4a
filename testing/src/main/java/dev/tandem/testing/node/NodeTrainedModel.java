/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.node;

import dev.tandem.api.image.TandemImage;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.trainer.TrainedVersions;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * A small model trained the way the system trains models, by the trainer image running as Jobs on the local node:
 * {@code generate --size tiny}, then {@code train} of versions 1 and 2 ({@link TrainedVersions#train}), registered in
 * the platform's MLflow under a name of its own. Trained once per test JVM (about a minute); tests then load it from
 * the registry, e.g. in serving pods ({@link ServingPods#container}) or {@code build-index} Jobs.
 *
 * <p>Needs the trainer's jar ({@code trainer-image/target}): a module whose tests use it declares a test-scope
 * {@code pom} dependency on {@code tandem-trainer}, so that the reactor builds the trainer first.
 */
public final class NodeTrainedModel {

    /** The trainer image, as a pod names it: the one the build made. */
    public static final String TRAINER_IMAGE = TandemImage.TRAINER.reference();

    private static Model model;

    /**
     * The registered model.
     *
     * @param versions its versions, as the trainer registered them
     * @param mlflow the tracking URI, as pods reach it
     */
    public record Model(TrainedVersions versions, String mlflow) {

        /** Its name in the MLflow registry. */
        public String name() {
            return versions.name();
        }

        /** The registry URI of one version, {@code models:/<name>/<version>}, trained or not. */
        public String uri(int version) {
            return versions.uri(version);
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
        String namespace = "t-node-it-" + UUID.randomUUID().toString().substring(0, 8);
        try (KubernetesClient client = platform.newKubernetesClient()) {
            Path workspace = Files.createTempDirectory("local-node-models");
            // The trainer image's user (10001) writes there; a hostPath directory's permissions are the host's.
            Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxrwxrwx"));
            TrainerJobs trainer = new TrainerJobs(client, namespace, workspace);
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .addToLabels("tandem.dev/test-namespace", "true")
                            .endMetadata()
                            .build())
                    .create();
            try {
                return new Model(
                        TrainedVersions.train(
                                trainer, platform.mlflowUrl(), TrainedVersions.tinyDataset(trainer), "node-it", 2),
                        platform.mlflowUrl().toString());
            } finally {
                client.namespaces().withName(namespace).delete();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
