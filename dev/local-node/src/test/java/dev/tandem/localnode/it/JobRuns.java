/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.it;

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

/** Jobs on the local node, and waiting for their end. */
final class JobRuns {

    private JobRuns() {}

    /** A Job of one container on the local node, not retried ({@code backoffLimit} 0, {@code restartPolicy} Never). */
    static JobBuilder job(String namespace, String name, Container container, List<Volume> volumes) {
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

    /** Waits until the Job is Complete or Failed and returns that condition. */
    static JobCondition awaitEnd(KubernetesClient client, String namespace, String name, Duration timeout) {
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

    /** Runs the Job and fails with its pods' logs unless it completes. */
    static void runToCompletion(KubernetesClient client, Job job, Duration timeout) {
        String namespace = job.getMetadata().getNamespace();
        String name = job.getMetadata().getName();
        client.resource(job).create();
        JobCondition end = awaitEnd(client, namespace, name, timeout);
        if (!end.getType().equals("Complete")) {
            throw new AssertionError("Job " + name + " ended " + end.getType() + " (" + end.getMessage() + "); logs:\n"
                    + logs(client, namespace, name));
        }
    }

    static List<Pod> pods(KubernetesClient client, String namespace, String jobName) {
        return client.pods()
                .inNamespace(namespace)
                .withLabel("job-name", jobName)
                .list()
                .getItems();
    }

    static String logs(KubernetesClient client, String namespace, String jobName) {
        return pods(client, namespace, jobName).stream()
                .map(p -> p.getSpec().getContainers().stream()
                        .map(c -> LocalNode.log(p, c.getName()))
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
