/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import static dev.tandem.api.crd.v1alpha1.common.ConditionTypes.DEGRADED;
import static dev.tandem.api.crd.v1alpha1.common.ConditionTypes.PROGRESSING;
import static dev.tandem.api.crd.v1alpha1.common.ConditionTypes.READY;

import dev.tandem.api.crd.v1alpha1.common.ArchiveRecord;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelReason;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelStatus;
import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.mlflow.ModelVersion;
import dev.tandem.operator.status.ConditionSet;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds a RecModel's whole status, its Events and when to look again, from the status it had and what one reconcile
 * observed. Pure: no client calls, the clock is passed in.
 *
 * <p>The rules: status describes the version the spec resolves to. A verified version's facts (checksums, dimension,
 * item count, dataset, metrics) stay in status, so a resync only refreshes stage, aliases and tags and never downloads
 * the bundle again; a refused bundle's verdict stays too, until the version, its source or the spec changes. An alias
 * that names another version is a new version: it is verified and replaces the pinned one, with an {@code AliasMoved}
 * Event. A version MLflow marks lost is recorded in {@code status.archived} and stays archived. When MLflow cannot be
 * asked, everything status knew is kept and only the conditions say so.
 */
final class RecModelStatusBuilder {

    /** The first retry after MLflow could not be asked; later ones wait as long as the outage has lasted. */
    static final Duration MIN_RETRY = Duration.ofSeconds(2);

    /** A Kubernetes Event to record on the resource. */
    record StatusEvent(boolean warning, RecModelReason reason, String message) {}

    /**
     * @param status the complete status to write
     * @param events Events for what changed, in order
     * @param requeueAfter when to reconcile again though nothing changes
     * @param failure the Degraded reason when the resource needs attention (for the error metric)
     */
    record Outcome(RecModelStatus status, List<StatusEvent> events, Duration requeueAfter, Optional<String> failure) {}

    private final Clock clock;
    private final Duration resyncInterval;

    RecModelStatusBuilder(Clock clock, Duration resyncInterval) {
        this.clock = clock;
        this.resyncInterval = resyncInterval;
    }

    /**
     * Whether status already holds the verdict on this version's bundle (verified or refused, for the same version,
     * source and spec), so that it need not be downloaded and checked again.
     */
    static boolean verdictStands(RecModel model, ModelVersion version) {
        RecModelStatus status = model.getStatus();
        return status != null
                && Objects.equals(
                        status.getObservedGeneration(), model.getMetadata().getGeneration())
                && sameVersion(status, version)
                && (status.getChecksums() != null || refusal(status).isPresent());
    }

    Outcome build(RecModel model, RecModelObservation observation) {
        RecModelStatus previous = model.getStatus() == null ? new RecModelStatus() : model.getStatus();
        long generation = Objects.requireNonNullElse(model.getMetadata().getGeneration(), 0L);
        ConditionSet conditions = ConditionSet.from(previous.getConditions(), generation, clock);
        List<StatusEvent> events = new ArrayList<>();
        RecModelStatus next = switch (observation) {
            case RecModelObservation.Resolved resolved -> resolved(model, previous, resolved, conditions, events);
            case RecModelObservation.NotResolved missing -> notResolved(model.getSpec(), previous, missing, conditions);
            case RecModelObservation.Unavailable unavailable ->
                unavailable(previous, unavailable, generation, conditions);
        };
        next.setObservedGeneration(generation);
        next.setConditions(conditions.build());
        transitions(model.getSpec(), previous, next, events);
        Duration requeue = observation instanceof RecModelObservation.Unavailable unavailable
                ? retryDelay(previous, unavailable.reason())
                : resyncInterval;
        Optional<String> failure = next.condition(DEGRADED)
                .filter(c -> "True".equals(c.getStatus()))
                .map(Condition::getReason);
        return new Outcome(next, List.copyOf(events), requeue, failure);
    }

    private RecModelStatus resolved(
            RecModel model,
            RecModelStatus previous,
            RecModelObservation.Resolved observed,
            ConditionSet conditions,
            List<StatusEvent> events) {
        RecModelSpec spec = model.getSpec();
        ModelVersion version = observed.version();
        boolean same = sameVersion(previous, version);
        RecModelStatus next = new RecModelStatus();
        next.setResolvedVersion(version.version());
        next.setRunId(version.runId().isEmpty() ? null : version.runId());
        next.setArtifactUri(version.source());
        next.setStage(version.stage());
        next.setAliases(version.aliases().stream().sorted().toList());

        if (spec.getAlias() != null
                && previous.getResolvedVersion() != null
                && !previous.getResolvedVersion().equals(version.version())
                && Objects.equals(
                        previous.getObservedGeneration(), model.getMetadata().getGeneration())) {
            events.add(new StatusEvent(
                    false,
                    RecModelReason.AliasMoved,
                    "alias " + spec.getAlias() + " of " + spec.getRegisteredModel() + " moved from version "
                            + previous.getResolvedVersion() + " to version " + version.version() + ", now the resolved"
                            + " version; running pairs keep theirs until a Rollout swaps to it"));
        }

        boolean fresh = observed.verification().isPresent();
        boolean verified = false;
        String refusal = null;
        if (fresh) {
            switch (observed.verification().get()) {
                case Verification.Verified v -> {
                    setBundleFacts(next, v.facts());
                    verified = true;
                }
                case Verification.Refused r -> refusal = r.message();
            }
        } else if (same) {
            copyBundleFacts(previous, next);
            verified = previous.getChecksums() != null;
            refusal = verified ? null : refusal(previous).orElse(null);
        }
        next.setOfflineMetrics(withTagMetrics(next.getOfflineMetrics(), version.tags()));

        ArchiveRecord archived = null;
        boolean newlyArchived = false;
        if (same && previous.getArchived() != null) {
            // Archiving is final for a version: its index and pods may already be gone.
            archived = previous.getArchived();
        } else if (LostVersions.isLost(version)) {
            archived = LostVersions.archiveRecord(spec.getRegisteredModel(), version, clock.instant());
            newlyArchived = true;
        }
        next.setArchived(archived);

        String which = "version " + version.version() + " of " + spec.getRegisteredModel();
        if (archived != null) {
            String message = archived.getMessage();
            setAll(conditions, false, false, RecModelReason.Archived, message);
            if (newlyArchived) {
                events.add(new StatusEvent(true, RecModelReason.Archived, message));
            }
        } else if (refusal != null) {
            setAll(conditions, false, true, RecModelReason.BundleInvalid, refusal);
            if (fresh) {
                events.add(new StatusEvent(true, RecModelReason.BundleInvalid, refusal));
            }
        } else if (verified) {
            String message = which + " is verified: " + next.getItemCount() + " items of dim " + next.getEmbeddingDim()
                    + (next.getSimilarity() == null
                            ? ""
                            : ", " + next.getSimilarity().name().toLowerCase(Locale.ROOT) + " similarity")
                    + ", trained on "
                    + next.getDatasetVersion();
            setAll(conditions, true, false, RecModelReason.Verified, message);
            if (fresh) {
                events.add(new StatusEvent(false, RecModelReason.Verified, message));
            }
        } else {
            throw new IllegalArgumentException(
                    which + " has no verdict: a version that is not lost must come with its verification");
        }
        return next;
    }

    private static RecModelStatus notResolved(
            RecModelSpec spec,
            RecModelStatus previous,
            RecModelObservation.NotResolved missing,
            ConditionSet conditions) {
        RecModelStatus next = new RecModelStatus();
        String message = missing.message();
        if (missing.reason() == RecModelReason.AliasNotFound && previous.getResolvedVersion() != null) {
            // The alias pinned a version; it stays pinned until the alias names another one.
            copyAll(previous, next);
            if (next.getAliases() != null) {
                next.setAliases(next.getAliases().stream()
                        .filter(a -> !a.equals(spec.getAlias()))
                        .toList());
            }
            message += "; version " + previous.getResolvedVersion() + " stays the resolved version";
        }
        setAll(conditions, false, true, missing.reason(), message);
        return next;
    }

    private static RecModelStatus unavailable(
            RecModelStatus previous,
            RecModelObservation.Unavailable unavailable,
            long generation,
            ConditionSet conditions) {
        RecModelStatus next = new RecModelStatus();
        copyAll(previous, next);
        // What was verified for this spec still holds; only a spec the operator never saw resolved is not ready.
        Optional<Condition> ready =
                previous.condition(READY).filter(c -> Objects.equals(c.getObservedGeneration(), generation));
        if (ready.isPresent()) {
            conditions.set(
                    READY,
                    "True".equals(ready.get().getStatus()),
                    ready.get().getReason(),
                    ready.get().getMessage());
        } else {
            conditions.set(READY, false, unavailable.reason(), unavailable.message());
        }
        conditions.set(PROGRESSING, true, unavailable.reason(), unavailable.message() + "; retrying");
        conditions.set(DEGRADED, true, unavailable.reason(), unavailable.message());
        return next;
    }

    /**
     * Events for condition changes the steps above did not already report: the Ready reason changing (a version found
     * again, a spec that cannot be resolved), MLflow becoming unavailable while Ready holds, and MLflow answering again.
     */
    private static void transitions(
            RecModelSpec spec, RecModelStatus previous, RecModelStatus next, List<StatusEvent> events) {
        Condition ready = next.condition(READY).orElseThrow();
        String readyBefore = previous.condition(READY).map(Condition::getReason).orElse(null);
        String degradedBefore = trueReason(previous, DEGRADED);
        String degradedAfter = trueReason(next, DEGRADED);
        boolean reported = events.stream().anyMatch(e -> e.reason().is(ready.getReason()));
        if (!ready.getReason().equals(readyBefore) && !reported) {
            events.add(new StatusEvent(
                    !"True".equals(ready.getStatus()), RecModelReason.valueOf(ready.getReason()), ready.getMessage()));
        } else if (degradedAfter != null
                && !degradedAfter.equals(degradedBefore)
                && ready.getReason().equals(readyBefore)) {
            events.add(new StatusEvent(
                    true,
                    RecModelReason.valueOf(degradedAfter),
                    next.condition(DEGRADED).orElseThrow().getMessage()));
        }
        if (registryProblem(degradedBefore) && !registryProblem(degradedAfter)) {
            events.add(new StatusEvent(
                    false, RecModelReason.RegistryReachable, "MLflow at " + spec.getTrackingUri() + " answers again"));
        }
    }

    /** As long as the outage has lasted so far (so the delay doubles), between {@link #MIN_RETRY} and the resync. */
    private Duration retryDelay(RecModelStatus previous, RecModelReason reason) {
        Instant now = clock.instant();
        Instant since = previous.condition(DEGRADED)
                .filter(c -> "True".equals(c.getStatus()) && reason.is(c.getReason()))
                .map(c -> parseOr(c.getLastTransitionTime(), now))
                .orElse(now);
        Duration outage = Duration.between(since, now);
        Duration floor = MIN_RETRY.compareTo(resyncInterval) < 0 ? MIN_RETRY : resyncInterval;
        if (outage.compareTo(floor) < 0) {
            return floor;
        }
        return outage.compareTo(resyncInterval) > 0 ? resyncInterval : outage;
    }

    private static void setAll(
            ConditionSet conditions, boolean ready, boolean degraded, RecModelReason reason, String message) {
        conditions
                .set(READY, ready, reason, message)
                .set(PROGRESSING, false, reason, message)
                .set(DEGRADED, degraded, reason, message);
    }

    private static boolean sameVersion(RecModelStatus status, ModelVersion version) {
        return version.version().equals(status.getResolvedVersion())
                && version.source().equals(status.getArtifactUri());
    }

    /** The message of a refusal status still stands by. */
    private static Optional<String> refusal(RecModelStatus status) {
        return status.condition(READY)
                .filter(c -> RecModelReason.BundleInvalid.is(c.getReason()))
                .map(Condition::getMessage);
    }

    private static String trueReason(RecModelStatus status, String type) {
        return status.condition(type)
                .filter(c -> "True".equals(c.getStatus()))
                .map(Condition::getReason)
                .orElse(null);
    }

    private static boolean registryProblem(String reason) {
        return RecModelReason.RegistryUnreachable.is(reason) || RecModelReason.RegistryRefused.is(reason);
    }

    private static Instant parseOr(String time, Instant fallback) {
        try {
            return time == null ? fallback : Instant.parse(time);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /** The offline metrics with those the trainer's {@code test} tagged on the version (tags win: they are newer). */
    static SortedMap<String, Double> withTagMetrics(Map<String, Double> metrics, Map<String, String> tags) {
        SortedMap<String, Double> merged = metrics == null ? new TreeMap<>() : new TreeMap<>(metrics);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            // Baselines (tandem.eval.baseline.<name>.<metric>) describe other recommenders, not this version.
            Optional<String> metric = MlflowTags.evalMetric(tag.getKey());
            if (metric.isEmpty()) {
                continue;
            }
            String name = metric.get();
            try {
                double value = Double.parseDouble(tag.getValue());
                if (Double.isFinite(value)) {
                    merged.put(name, value);
                }
            } catch (NumberFormatException notAMetric) {
                // a tag someone else wrote under the prefix; not a metric
            }
        }
        return merged.isEmpty() ? null : merged;
    }

    private static void setBundleFacts(RecModelStatus status, BundleFacts facts) {
        status.setDatasetVersion(facts.datasetVersion());
        status.setSimilarity(facts.similarity());
        status.setEmbeddingDim(facts.embeddingDim());
        status.setItemCount(facts.itemCount());
        status.setChecksums(facts.checksums());
        status.setOfflineMetrics(facts.offlineMetrics().isEmpty() ? null : facts.offlineMetrics());
    }

    private static void copyBundleFacts(RecModelStatus from, RecModelStatus to) {
        to.setDatasetVersion(from.getDatasetVersion());
        to.setSimilarity(from.getSimilarity());
        to.setEmbeddingDim(from.getEmbeddingDim());
        to.setItemCount(from.getItemCount());
        to.setChecksums(from.getChecksums());
        to.setOfflineMetrics(from.getOfflineMetrics());
    }

    private static void copyAll(RecModelStatus from, RecModelStatus to) {
        to.setResolvedVersion(from.getResolvedVersion());
        to.setRunId(from.getRunId());
        to.setArtifactUri(from.getArtifactUri());
        copyBundleFacts(from, to);
        to.setStage(from.getStage());
        to.setAliases(from.getAliases());
        to.setArchived(from.getArchived());
    }
}
