/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import dev.tandem.api.naming.TandemAnnotations;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes build Jobs the workflow does not: a failed Job of the current key after the spec changed (so the build runs
 * again with the new spec), Jobs of superseded keys once a newer build is recorded, and every Job of a retired index.
 */
public final class BuildJobHousekeeping {

    private BuildJobHousekeeping() {}

    /**
     * Deletes the current key's Job when it failed and the RecIndex's spec changed since it was made (more memory, a
     * longer deadline): the workflow then makes it again from the new spec.
     *
     * @return whether it was deleted
     */
    public static boolean retryAfterSpecChange(
            KubernetesClient client, long generation, String jobName, BuildObservation build, Collection<Job> jobs) {
        Optional<Job> stale = failedBeforeSpecChange(generation, jobName, build, jobs);
        stale.ifPresent(job -> delete(client, job));
        return stale.isPresent();
    }

    /** The current key's Job, if it failed and was made for an older generation of the RecIndex than this one. */
    static Optional<Job> failedBeforeSpecChange(
            long generation, String jobName, BuildObservation build, Collection<Job> jobs) {
        if (build.state() != BuildObservation.State.FAILED) {
            return Optional.empty();
        }
        return jobs.stream()
                .filter(job -> jobName.equals(job.getMetadata().getName()) && madeFor(job) < generation)
                .findFirst();
    }

    /**
     * Deletes every Job but {@code keep} (null: all), with their pods.
     *
     * @return the names of the Jobs deleted
     */
    public static List<String> removeAllBut(KubernetesClient client, String keep, Collection<Job> jobs) {
        List<String> deleted = new ArrayList<>();
        for (Job job : jobs) {
            if (!job.getMetadata().getName().equals(keep) && job.getMetadata().getDeletionTimestamp() == null) {
                delete(client, job);
                deleted.add(job.getMetadata().getName());
            }
        }
        Collections.sort(deleted);
        return deleted;
    }

    private static long madeFor(Job job) {
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(TandemAnnotations.RECINDEX_GENERATION);
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void delete(KubernetesClient client, Job job) {
        client.batch()
                .v1()
                .jobs()
                .inNamespace(job.getMetadata().getNamespace())
                .withName(job.getMetadata().getName())
                .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                .delete();
    }
}
