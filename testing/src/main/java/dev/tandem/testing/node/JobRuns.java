/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.node;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Jobs on the local node, waiting for their end, and what their pods left behind. */
public final class JobRuns {

    private JobRuns() {}

    /**
     * A Job of one container on the local node, not retried ({@code backoffLimit} 0, {@code restartPolicy}
     * Never); the caller may edit it further before building it.
     */
    public static JobBuilder job(String namespace, String name, Container container, List<Volume> volumes) {
        return new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withNewTemplate()
                .withSpec(LocalNode.placed(new PodSpecBuilder()
                        .withRestartPolicy("Never")
                        .withContainers(container)
                        .withVolumes(volumes)
                        .build()))
                .endTemplate()
                .endSpec();
    }

    /**
     * Waits until the Job's {@code Complete} or {@code Failed} condition is {@code True} and returns that condition.
     *
     * @throws org.awaitility.core.ConditionTimeoutException when neither is within {@code timeout}
     */
    public static JobCondition awaitEnd(KubernetesClient client, String namespace, String name, Duration timeout) {
        return await().atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> finished(client.batch()
                                .v1()
                                .jobs()
                                .inNamespace(namespace)
                                .withName(name)
                                .get()),
                        Optional::isPresent)
                .orElseThrow();
    }

    /**
     * Creates the Job and waits for its end.
     *
     * @throws AssertionError unless it completes, with its pods' logs
     */
    public static void runToCompletion(KubernetesClient client, Job job, Duration timeout) {
        String namespace = job.getMetadata().getNamespace();
        String name = job.getMetadata().getName();
        client.resource(job).create();
        JobCondition end = awaitEnd(client, namespace, name, timeout);
        if (!end.getType().equals("Complete")) {
            throw new AssertionError("Job " + name + " ended " + end.getType() + " (" + end.getMessage() + "); logs:\n"
                    + logs(client, namespace, name));
        }
    }

    /** The Job's pods (those the Job controller labels {@code job-name}). */
    public static List<Pod> pods(KubernetesClient client, String namespace, String jobName) {
        return client.pods()
                .inNamespace(namespace)
                .withLabel("job-name", jobName)
                .list()
                .getItems();
    }

    /** The logs of every container of the Job's pods, one after another ({@link LocalNode#containerLog}). */
    public static String logs(KubernetesClient client, String namespace, String jobName) {
        return pods(client, namespace, jobName).stream()
                .map(p -> p.getSpec().getContainers().stream()
                        .map(c -> LocalNode.containerLog(p, c.getName()))
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static Optional<JobCondition> finished(Job job) {
        if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> (c.getType().equals("Complete") || c.getType().equals("Failed"))
                        && "True".equals(c.getStatus()))
                .findFirst();
    }
}
