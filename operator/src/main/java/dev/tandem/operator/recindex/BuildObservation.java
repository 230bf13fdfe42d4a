/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import dev.tandem.api.index.BuildIndexReason;
import dev.tandem.api.naming.RecIndexNames;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the build Job of the current build key shows: not there, running, or ended, with the summary its pod left.
 *
 * @param state where the Job is
 * @param summary for an ended Job, its pod's summary ({@link BuildSummary.Unreadable} when there is none to read)
 * @param jobReason for a failed Job, the reason of its Failed condition (DeadlineExceeded, BackoffLimitExceeded,
 *     PodFailurePolicy); otherwise null
 * @param detail what a user would want to know in a sentence: the Job's failure message, or what its pod waits for
 * @param finishedAt when the Job ended (RFC 3339), or null
 */
public record BuildObservation(State state, BuildSummary summary, String jobReason, String detail, String finishedAt) {

    /** Where a build Job is. */
    public enum State {
        /** No Job of this name (not created yet, or deleted). */
        ABSENT,
        /** Created, not ended. */
        RUNNING,
        /** Ended Complete: an index was built. */
        COMPLETE,
        /** Ended Failed. */
        FAILED
    }

    /** No Job. */
    public static BuildObservation absent() {
        return new BuildObservation(State.ABSENT, null, null, null, null);
    }

    /**
     * A failed Job whose key's index turned out to be there already, built earlier: as if the Job had built it.
     *
     * @param existing the index's figures, from its manifest
     * @param createdAt when the index was written
     */
    public static BuildObservation found(BuildSummary.Built existing, String createdAt) {
        return new BuildObservation(
                State.COMPLETE, existing, null, "the index of this key was there already", createdAt);
    }

    /** Whether the Job failed because its location already holds an index. */
    public boolean foundAnIndex() {
        return state == State.FAILED
                && summary instanceof BuildSummary.Failed f
                && BuildIndexReason.OutputNotEmpty.is(f.reason());
    }

    /**
     * @param jobName the Job of the current build key
     * @param jobs the RecIndex's build Jobs
     * @param pods the RecIndex's build pods
     */
    public static BuildObservation of(String jobName, Collection<Job> jobs, Collection<Pod> pods) {
        Job job = jobs.stream()
                .filter(j -> jobName.equals(j.getMetadata().getName()))
                .findFirst()
                .orElse(null);
        if (job == null) {
            return absent();
        }
        List<Pod> jobPods = pods.stream()
                .filter(p -> p.getMetadata().getLabels() != null
                        && jobName.equals(p.getMetadata().getLabels().get(RecIndexNames.JOB_NAME_LABEL)))
                .toList();
        Optional<JobCondition> complete = condition(job, "Complete");
        if (complete.isPresent()) {
            return completed(job, complete.get(), jobPods);
        }
        // FailureTarget comes first (pods still stopping), Failed once they have stopped: either way it is over.
        Optional<JobCondition> failed = condition(job, "Failed").or(() -> condition(job, "FailureTarget"));
        if (failed.isPresent()) {
            JobCondition c = failed.get();
            BuildSummary summary = lastTerminated(jobPods)
                    .map(t -> BuildSummary.parse(t.getMessage()))
                    .orElse(new BuildSummary.Unreadable("the build's pod is gone", ""));
            return new BuildObservation(
                    State.FAILED,
                    summary,
                    Objects.requireNonNullElse(c.getReason(), "Failed"),
                    Objects.requireNonNullElse(c.getMessage(), ""),
                    c.getLastTransitionTime());
        }
        return new BuildObservation(State.RUNNING, null, null, waiting(jobPods), null);
    }

    private static BuildObservation completed(Job job, JobCondition complete, List<Pod> pods) {
        Optional<Pod> succeeded =
                pods.stream().filter(p -> "Succeeded".equals(phase(p))).findFirst();
        String finishedAt = job.getStatus().getCompletionTime() != null
                ? job.getStatus().getCompletionTime()
                : complete.getLastTransitionTime();
        if (succeeded.isEmpty()) {
            return new BuildObservation(
                    State.COMPLETE, new BuildSummary.Unreadable("the build's pod is gone", ""), null, "", finishedAt);
        }
        Optional<ContainerStateTerminated> terminated = terminated(succeeded.get());
        if (terminated.isEmpty()) {
            // The Job controller saw the pod succeed before this operator's pod cache did: its update is on the way.
            return new BuildObservation(State.RUNNING, null, null, "the build finished; reading its result", null);
        }
        return new BuildObservation(
                State.COMPLETE, BuildSummary.parse(terminated.get().getMessage()), null, "", finishedAt);
    }

    private static Optional<JobCondition> condition(Job job, String type) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst();
    }

    private static Optional<ContainerStateTerminated> lastTerminated(List<Pod> pods) {
        return pods.stream()
                .map(BuildObservation::terminated)
                .flatMap(Optional::stream)
                .max(Comparator.comparing(t -> Objects.requireNonNullElse(t.getFinishedAt(), "")));
    }

    private static Optional<ContainerStateTerminated> terminated(Pod pod) {
        return container(pod)
                .map(s -> s.getState() != null && s.getState().getTerminated() != null
                        ? s.getState().getTerminated()
                        : s.getLastState() == null ? null : s.getLastState().getTerminated());
    }

    private static Optional<ContainerStatus> container(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(s -> RecIndexNames.CONTAINER.equals(s.getName()))
                .findFirst();
    }

    /** Why the newest pod is not running yet, if it says; empty while it runs. */
    private static String waiting(List<Pod> pods) {
        Optional<Pod> newest = pods.stream()
                .max(Comparator.comparing(
                        p -> Objects.requireNonNullElse(p.getMetadata().getCreationTimestamp(), "")));
        if (newest.isEmpty()) {
            return "";
        }
        Pod pod = newest.get();
        Optional<ContainerStateWaiting> waiting = container(pod)
                .map(s -> s.getState() == null ? null : s.getState().getWaiting());
        if (waiting.isPresent() && waiting.get().getReason() != null) {
            return "pod " + pod.getMetadata().getName() + " waits: "
                    + waiting.get().getReason()
                    + (waiting.get().getMessage() == null
                            ? ""
                            : " (" + waiting.get().getMessage() + ")");
        }
        Optional<PodCondition> unscheduled =
                pod.getStatus() == null || pod.getStatus().getConditions() == null
                        ? Optional.empty()
                        : pod.getStatus().getConditions().stream()
                                .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
                                .findFirst();
        return unscheduled
                .map(c -> "pod " + pod.getMetadata().getName() + " is not scheduled: " + c.getReason()
                        + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")"))
                .orElse("");
    }

    private static String phase(Pod pod) {
        return pod.getStatus() == null ? null : pod.getStatus().getPhase();
    }
}
