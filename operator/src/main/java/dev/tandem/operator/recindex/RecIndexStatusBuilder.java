/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import dev.tandem.api.crd.v1alpha1.common.ConditionTypes;
import dev.tandem.api.crd.v1alpha1.recindex.IndexPhase;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexReason;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexStatus;
import dev.tandem.operator.status.ConditionSet;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds a RecIndex's status, in one place, from the status it had, its model's situation, what the build Job of the
 * current key shows and what archiving did.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>{@code phase}, {@code buildKey}, {@code jobName} and the conditions describe the build the spec and model ask
 *       for now. Ready is True only when that build's index is built.
 *   <li>The figures ({@code modelVersion}, {@code items}, {@code location}, …) describe the last index that was built,
 *       and change only when another build completes. So while a new key builds (or after it failed) the previous
 *       index stays recorded; phase Built always means that the figures belong to {@code buildKey}, which is what a
 *       Rollout resolves a pair from.
 *   <li>A build's figures come from its summary; a completed Job whose summary cannot be read is a failure, because
 *       nothing proves where its index is.
 * </ul>
 */
public final class RecIndexStatusBuilder {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    /**
     * A change worth an Event.
     *
     * @param warning a Warning (something needs a person) rather than a Normal event
     * @param reason one CamelCase word: a {@link RecIndexReason}, or {@code build-index}'s reason for a failed build
     */
    public record Transition(boolean warning, String reason, String message) {}

    /** The next status and the Events its changes call for. */
    public record Result(RecIndexStatus status, List<Transition> transitions) {}

    private RecIndexStatusBuilder() {}

    /**
     * @param build what the current key's Job shows ({@link BuildObservation#absent()} when there is no plan)
     * @param archive what archiving did ({@link ArchiveOutcome.None} unless the model is archived)
     */
    public static Result build(
            RecIndex index, ModelSituation situation, BuildObservation build, ArchiveOutcome archive, Clock clock) {
        RecIndexStatus previous = index.getStatus() == null ? new RecIndexStatus() : index.getStatus();
        RecIndexStatus next = JSON.convertValue(previous, RecIndexStatus.class);
        next.setObservedGeneration(index.getMetadata().getGeneration());
        ConditionSet conditions =
                ConditionSet.from(previous.getConditions(), index.getMetadata().getGeneration(), clock);

        switch (situation) {
            case ModelSituation.Waiting waiting -> waiting(next, waiting, conditions);
            case ModelSituation.Buildable buildable ->
                buildable(previous, next, buildable.plan(), build, conditions, clock);
            case ModelSituation.Archived archived -> archived(previous, next, archived, archive, conditions);
        }
        next.setConditions(conditions.build());
        return new Result(next, transitions(previous, next));
    }

    private static void waiting(RecIndexStatus next, ModelSituation.Waiting waiting, ConditionSet conditions) {
        next.setPhase(IndexPhase.Pending);
        conditions
                .set(ConditionTypes.READY, false, waiting.reason(), waiting.message() + lastBuilt(next))
                .set(ConditionTypes.PROGRESSING, false, waiting.reason(), waiting.message())
                .set(ConditionTypes.DEGRADED, false, RecIndexReason.AsExpected, "nothing is wrong");
    }

    private static void buildable(
            RecIndexStatus previous,
            RecIndexStatus next,
            BuildPlan plan,
            BuildObservation build,
            ConditionSet conditions,
            Clock clock) {
        next.setBuildKey(plan.buildKey());
        next.setJobName(plan.jobName());
        boolean builtBefore =
                previous.getPhase() == IndexPhase.Built && plan.buildKey().equals(previous.getBuildKey());
        if (builtBefore) {
            // The index of this key is recorded; its Job may be gone, and nothing about it can change any more.
            built(next, conditions);
            return;
        }
        switch (build.state()) {
            case ABSENT, RUNNING -> {
                next.setPhase(IndexPhase.Building);
                String message = "building index " + plan.buildKey() + " of " + plan.modelName() + " version "
                        + plan.modelVersion() + " with Job " + plan.jobName();
                String detail = build.detail() == null || build.detail().isEmpty() ? "" : "; " + build.detail();
                conditions
                        .set(ConditionTypes.READY, false, RecIndexReason.Building, message + lastBuilt(next))
                        .set(ConditionTypes.PROGRESSING, true, RecIndexReason.Building, message + detail)
                        .set(ConditionTypes.DEGRADED, false, RecIndexReason.AsExpected, "nothing is wrong");
            }
            case COMPLETE -> completed(next, plan, build, conditions, clock);
            case FAILED -> {
                String reason;
                String message;
                switch (build.summary()) {
                    case BuildSummary.Failed failed -> {
                        reason = failed.reason();
                        message = failed.error();
                    }
                    case BuildSummary.Unreadable unreadable -> {
                        reason = ("DeadlineExceeded".equals(build.jobReason())
                                        ? RecIndexReason.BuildTimedOut
                                        : RecIndexReason.BuildFailed)
                                .name();
                        message = build.detail() + (unreadable.text().isEmpty() ? "" : "; " + tail(unreadable.text()));
                    }
                    case BuildSummary.Built ignored -> {
                        // An index was written, yet the Job failed (the pod was stopped after its summary).
                        reason = RecIndexReason.BuildFailed.name();
                        message = build.detail();
                    }
                }
                failed(next, plan, reason, message, conditions);
            }
        }
    }

    private static void completed(
            RecIndexStatus next, BuildPlan plan, BuildObservation build, ConditionSet conditions, Clock clock) {
        switch (build.summary()) {
            case BuildSummary.Built summary -> {
                if (!plan.modelVersion().equals(summary.modelVersion())
                        || (plan.embeddingsSha256() != null
                                && !plan.embeddingsSha256().equals(summary.itemVectorsSha256()))) {
                    failed(
                            next,
                            plan,
                            RecIndexReason.IndexOfAnotherVersion.name(),
                            "Job " + plan.jobName() + " built an index of version " + summary.modelVersion()
                                    + " (item vectors " + summary.itemVectorsSha256() + "), not of version "
                                    + plan.modelVersion() + "; it is not recorded",
                            conditions);
                    return;
                }
                next.setModelName(summary.modelName());
                next.setModelVersion(summary.modelVersion());
                next.setEmbeddingsSha256(summary.itemVectorsSha256());
                next.setItems(summary.items());
                next.setDims(summary.dim());
                next.setBuildSeconds(summary.buildSeconds());
                next.setProbeRecall(summary.probeRecallAt10());
                next.setProbeQueries(summary.probeQueries());
                next.setLocation(summary.upload() != null ? summary.upload() : plan.location());
                next.setBuiltAt(
                        build.finishedAt() != null
                                ? build.finishedAt()
                                : Instant.now(clock)
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString());
                built(next, conditions);
            }
            case BuildSummary.Failed failed ->
                failed(
                        next,
                        plan,
                        RecIndexReason.SummaryUnreadable.name(),
                        "Job " + plan.jobName() + " completed but reported " + failed.reason() + ": " + failed.error(),
                        conditions);
            case BuildSummary.Unreadable unreadable ->
                failed(
                        next,
                        plan,
                        RecIndexReason.SummaryUnreadable.name(),
                        "Job " + plan.jobName() + " completed but " + unreadable.why()
                                + (unreadable.text().isEmpty() ? "" : ": " + tail(unreadable.text())),
                        conditions);
        }
    }

    private static void built(RecIndexStatus next, ConditionSet conditions) {
        next.setPhase(IndexPhase.Built);
        String message = "index of " + next.getModelName() + " version " + next.getModelVersion() + " built: "
                + next.getItems() + " items of dim " + next.getDims() + ", recall@10 "
                + String.format(Locale.ROOT, "%.4f", Objects.requireNonNullElse(next.getProbeRecall(), 0.0))
                + " on " + next.getProbeQueries() + " probe queries, in "
                + String.format(Locale.ROOT, "%.1f", Objects.requireNonNullElse(next.getBuildSeconds(), 0.0))
                + " s; at " + next.getLocation();
        conditions
                .set(ConditionTypes.READY, true, RecIndexReason.Built, message)
                .set(
                        ConditionTypes.PROGRESSING,
                        false,
                        RecIndexReason.Built,
                        "the index of build " + next.getBuildKey() + " is built")
                .set(ConditionTypes.DEGRADED, false, RecIndexReason.AsExpected, "nothing is wrong");
    }

    private static void failed(
            RecIndexStatus next, BuildPlan plan, String reason, String message, ConditionSet conditions) {
        next.setPhase(IndexPhase.Failed);
        String what = "build " + plan.buildKey() + " of " + plan.modelName() + " version " + plan.modelVersion()
                + " failed (Job " + plan.jobName() + "): " + message;
        conditions
                .set(ConditionTypes.READY, false, reason, what + lastBuilt(next))
                .set(
                        ConditionTypes.PROGRESSING,
                        false,
                        reason,
                        "a spec change, a new model version or deleting Job " + plan.jobName()
                                + " starts another build")
                .set(ConditionTypes.DEGRADED, true, reason, what);
    }

    private static void archived(
            RecIndexStatus previous,
            RecIndexStatus next,
            ModelSituation.Archived archived,
            ArchiveOutcome archive,
            ConditionSet conditions) {
        String what = archived.describe();
        switch (archive) {
            case ArchiveOutcome.None ignored -> {
                // Retired before: say it again for this generation.
                next.setPhase(IndexPhase.Archived);
                keep(previous, conditions);
            }
            case ArchiveOutcome.Kept kept -> {
                String message = what + "; its index stays while Rollout " + String.join(", ", kept.rollouts())
                        + " serves it" + removed(kept.removed());
                if (next.getPhase() == null) {
                    next.setPhase(IndexPhase.Pending);
                }
                conditions
                        .set(
                                ConditionTypes.READY,
                                next.getPhase() == IndexPhase.Built,
                                RecIndexReason.KeptWhileServed,
                                message)
                        .set(ConditionTypes.PROGRESSING, false, RecIndexReason.KeptWhileServed, message)
                        .set(ConditionTypes.DEGRADED, false, RecIndexReason.AsExpected, "nothing is wrong");
            }
            case ArchiveOutcome.Removed removed -> {
                next.setPhase(IndexPhase.Archived);
                if (next.getLocation() != null && removed.removed().contains(next.getLocation())) {
                    next.setLocation(null);
                }
                String message = what + "; "
                        + (removed.removed().isEmpty() ? "no index of it was uploaded" : "its index was removed")
                        + removed(removed.removed());
                retired(conditions, message);
            }
            case ArchiveOutcome.LeftOnClaim left -> {
                next.setPhase(IndexPhase.Archived);
                retired(
                        conditions,
                        what + "; its index files stay on PersistentVolumeClaim " + left.claim()
                                + " (the operator deletes no files from claims)");
            }
            case ArchiveOutcome.CleanupFailed failed -> {
                String message = what + "; removing its index failed and is retried: " + failed.message();
                conditions
                        .set(ConditionTypes.READY, false, RecIndexReason.CleanupFailed, message)
                        .set(ConditionTypes.PROGRESSING, true, RecIndexReason.CleanupFailed, message)
                        .set(ConditionTypes.DEGRADED, true, RecIndexReason.CleanupFailed, message);
            }
        }
    }

    private static void retired(ConditionSet conditions, String message) {
        conditions
                .set(ConditionTypes.READY, false, RecIndexReason.Archived, message)
                .set(ConditionTypes.PROGRESSING, false, RecIndexReason.Archived, message)
                .set(ConditionTypes.DEGRADED, false, RecIndexReason.AsExpected, "nothing is wrong");
    }

    private static void keep(RecIndexStatus previous, ConditionSet conditions) {
        for (String type : List.of(ConditionTypes.READY, ConditionTypes.PROGRESSING, ConditionTypes.DEGRADED)) {
            Condition c = previous.condition(type).orElse(null);
            if (c != null) {
                conditions.set(type, "True".equals(c.getStatus()), c.getReason(), c.getMessage());
            }
        }
    }

    private static String removed(List<String> removed) {
        return removed.isEmpty() ? "" : " (removed " + String.join(", ", removed) + ")";
    }

    /** Names the index recorded from an earlier build, so a message about a new one does not hide it. */
    private static String lastBuilt(RecIndexStatus status) {
        if (status.getLocation() == null) {
            return "";
        }
        return "; the last built index (version " + status.getModelVersion() + ", built " + status.getBuiltAt()
                + ") stays recorded at " + status.getLocation();
    }

    /** The end of a long text (a log tail), enough for a condition message. */
    private static String tail(String text) {
        String oneLine = text.strip().replaceAll("\\s*\\n\\s*", " | ");
        return oneLine.length() <= 600 ? oneLine : "…" + oneLine.substring(oneLine.length() - 600);
    }

    private static List<Transition> transitions(RecIndexStatus previous, RecIndexStatus next) {
        Condition ready = next.condition(ConditionTypes.READY).orElseThrow();
        String before = previous.condition(ConditionTypes.READY)
                .map(Condition::getReason)
                .orElse(null);
        boolean changed = previous.getPhase() != next.getPhase()
                || !Objects.equals(previous.getBuildKey(), next.getBuildKey())
                || !Objects.equals(before, ready.getReason());
        if (!changed) {
            return List.of();
        }
        List<Transition> transitions = new ArrayList<>();
        boolean degraded = next.isTrue(ConditionTypes.DEGRADED);
        String message =
                degraded ? next.condition(ConditionTypes.DEGRADED).orElseThrow().getMessage() : ready.getMessage();
        String reason =
                RecIndexReason.Building.is(ready.getReason()) ? RecIndexReason.BuildStarted.name() : ready.getReason();
        transitions.add(new Transition(degraded, reason, message));
        return transitions;
    }
}
