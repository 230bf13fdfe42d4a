/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.node;

import dev.tandem.testing.trainer.TrainerLauncher;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The trainer image as Jobs on the local node, one a run, in one namespace; the workspace is a {@code hostPath}
 * volume the trainer sees at {@value #MOUNT_PATH}.
 */
final class TrainerJobs extends TrainerLauncher {

    private static final String MOUNT_PATH = "/data";
    private static final Duration JOB_TIMEOUT = LocalNode.PATIENCE;

    private final KubernetesClient client;
    private final String namespace;

    TrainerJobs(KubernetesClient client, String namespace, Path workspace) {
        super(workspace);
        this.client = client;
        this.namespace = namespace;
    }

    @Override
    public String path(Path file) {
        StringBuilder path = new StringBuilder(MOUNT_PATH);
        workspace().relativize(file).forEach(part -> path.append('/').append(part));
        return path.toString();
    }

    @Override
    public String run(String name, List<String> args) {
        JobRuns.runToCompletion(
                client, JobRuns.job(namespace, name, trainer(args), volumes()).build(), JOB_TIMEOUT);
        return JobRuns.logs(client, namespace, name);
    }

    private static Container trainer(List<String> args) {
        return new ContainerBuilder()
                .withName("trainer")
                .withImage(NodeTrainedModel.TRAINER_IMAGE)
                .withArgs(args)
                .addNewVolumeMount()
                .withName("data")
                .withMountPath(MOUNT_PATH)
                .endVolumeMount()
                .build();
    }

    private List<Volume> volumes() {
        return List.of(new VolumeBuilder()
                .withName("data")
                .withNewHostPath()
                .withPath(workspace().toString())
                .withType("Directory")
                .endHostPath()
                .build());
    }
}
