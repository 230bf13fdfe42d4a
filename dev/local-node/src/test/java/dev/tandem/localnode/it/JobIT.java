/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.TestNamespace;
import dev.tandem.testing.node.JobRuns;
import dev.tandem.testing.node.LocalNode;
import dev.tandem.testing.node.NodeTrainedModel;
import dev.tandem.testing.node.ServingPods;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs on the local node end as their processes end, so the Job controller's status is real. */
@LocalPlatformTest
class JobIT {

    private static final Duration TIMEOUT = LocalNode.PATIENCE;

    @BeforeAll
    static void node() {
        LocalNode.up();
    }

    @Test
    void buildIndexJobCompletesAndWritesTheIndexIntoItsVolume(
            LocalPlatform platform, KubernetesClient client, TestNamespace ns, @TempDir Path out) throws IOException {
        NodeTrainedModel.Model model = NodeTrainedModel.get(platform);
        Job job = JobRuns.job(ns.name(), "build-index", buildIndex(model.uri(1), model.mlflow()), List.of(output(out)))
                .build();
        client.resource(job).create();

        JobCondition end = JobRuns.awaitEnd(client, ns.name(), "build-index", TIMEOUT);

        assertThat(end.getType())
                .as("the Job's end; build-index log:\n%s", JobRuns.logs(client, ns.name(), "build-index"))
                .isEqualTo("Complete");
        assertThat(client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(ns.name())
                        .withName("build-index")
                        .get()
                        .getStatus()
                        .getSucceeded())
                .isEqualTo(1);
        Pod pod = JobRuns.pods(client, ns.name(), "build-index").getFirst();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
        assertThat(LocalNode.containerStatus(pod, "build-index")
                        .orElseThrow()
                        .getState()
                        .getTerminated()
                        .getExitCode())
                .isZero();
        assertThat(out.resolve("index/graph.jvector")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("index/index-manifest.json"))).contains(model.name());
    }

    @Test
    void buildIndexOfAVersionThatDoesNotExistFailsTheJobWithItsExitCode(
            LocalPlatform platform, KubernetesClient client, TestNamespace ns, @TempDir Path out) {
        NodeTrainedModel.Model model = NodeTrainedModel.get(platform);
        // A pod failure policy puts the process's exit code into the Job's own status, as a RecIndex Job would.
        Job job = JobRuns.job(ns.name(), "bad-bundle", buildIndex(model.uri(99), model.mlflow()), List.of(output(out)))
                .editSpec()
                .withNewPodFailurePolicy()
                .addNewRule()
                .withAction("FailJob")
                .withNewOnExitCodes()
                .withOperator("In")
                .withValues(2)
                .endOnExitCodes()
                .endRule()
                .endPodFailurePolicy()
                .endSpec()
                .build();
        client.resource(job).create();

        JobCondition end = JobRuns.awaitEnd(client, ns.name(), "bad-bundle", TIMEOUT);

        assertThat(end.getType()).isEqualTo("Failed");
        assertThat(end.getReason()).isEqualTo("PodFailurePolicy");
        assertThat(end.getMessage()).contains("failed with exit code 2");
        Pod pod = JobRuns.pods(client, ns.name(), "bad-bundle").getFirst();
        ContainerStateTerminated terminated = LocalNode.containerStatus(pod, "build-index")
                .orElseThrow()
                .getState()
                .getTerminated();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
        assertThat(terminated.getExitCode()).isEqualTo(2);
        assertThat(terminated.getReason()).isEqualTo("Error");
        assertThat(LocalNode.containerLog(pod, "build-index")).contains("build-index:");
        assertThat(out.resolve("index")).doesNotExist();
    }

    @Test
    void whatAJobContainerWritesToItsTerminationMessagePathBecomesItsTerminatedMessage(
            KubernetesClient client, TestNamespace ns) {
        // The JVM's unified logging writes the file it is given in JAVA_OPTS: the container's /dev/termination-log,
        // which the node binds to the container's termination message file. `--help` exits 0 at once.
        Container trainer = new ContainerBuilder()
                .withName("trainer")
                .withImage(NodeTrainedModel.TRAINER_IMAGE)
                .withArgs("--help")
                .addNewEnv()
                .withName("JAVA_OPTS")
                .withValue("-Xlog:gc+init:file=/dev/termination-log")
                .endEnv()
                .build();
        client.resource(JobRuns.job(ns.name(), "summary", trainer, List.of()).build())
                .create();

        JobCondition end = JobRuns.awaitEnd(client, ns.name(), "summary", TIMEOUT);

        assertThat(end.getType()).isEqualTo("Complete");
        ContainerStateTerminated terminated = terminated(client, ns, "summary", "trainer");
        assertThat(terminated.getExitCode()).isZero();
        assertThat(terminated.getReason()).isEqualTo("Completed");
        assertThat(terminated.getMessage()).contains("[gc,init] Version: ").contains("[gc,init] CPUs: ");
    }

    @Test
    void aFailedContainerThatFallsBackToLogsOnErrorReportsTheEndOfItsOutput(KubernetesClient client, TestNamespace ns) {
        // `train` without its required options exits 2 at once, saying what is missing.
        Container trainer = new ContainerBuilder()
                .withName("trainer")
                .withImage(NodeTrainedModel.TRAINER_IMAGE)
                .withArgs("train")
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .build();
        client.resource(JobRuns.job(ns.name(), "no-options", trainer, List.of()).build())
                .create();

        JobCondition end = JobRuns.awaitEnd(client, ns.name(), "no-options", TIMEOUT);

        assertThat(end.getType()).isEqualTo("Failed");
        ContainerStateTerminated terminated = terminated(client, ns, "no-options", "trainer");
        assertThat(terminated.getExitCode()).isEqualTo(2);
        assertThat(terminated.getMessage())
                .contains("Missing required option")
                .doesNotContain("starting: ")
                .hasSizeLessThanOrEqualTo(2048);
    }

    private static ContainerStateTerminated terminated(
            KubernetesClient client, TestNamespace ns, String job, String container) {
        Pod pod = JobRuns.pods(client, ns.name(), job).getFirst();
        return LocalNode.containerStatus(pod, container)
                .orElseThrow()
                .getState()
                .getTerminated();
    }

    private static Container buildIndex(String bundle, String mlflow) {
        return new ContainerBuilder()
                .withName("build-index")
                .withImage(ServingPods.IMAGE)
                .withArgs(
                        "build-index", "--bundle", bundle, "--mlflow", mlflow, "--out", "/out/index", "--threads", "1")
                .addNewEnv()
                .withName("JAVA_OPTS")
                .withValue("-Xmx384m")
                .endEnv()
                .addNewVolumeMount()
                .withName("out")
                .withMountPath("/out")
                .endVolumeMount()
                .build();
    }

    private static Volume output(Path dir) {
        // The image's user (10001) writes there; a hostPath directory's permissions are the host's.
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new VolumeBuilder()
                .withName("out")
                .withNewHostPath()
                .withPath(dir.toString())
                .withType("Directory")
                .endHostPath()
                .build();
    }
}
