/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.rollout.AnalysisResult;
import dev.tandem.api.crd.v1alpha1.rollout.BlueGreen;
import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.PairRef;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutPhase;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutReason;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutStatus;
import dev.tandem.api.crd.v1alpha1.rollout.ServedPair;
import dev.tandem.api.crd.v1alpha1.rollout.SwapRecord;
import dev.tandem.api.crd.v1alpha1.rollout.SwapResult;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The blue/green swap as a state machine over a Rollout's status: from the status the last step wrote, the pair the
 * spec resolves to and the pods seen now, it decides the next status. Everything a swap decided is in that status,
 * written before any object is changed, so an operator restarted at any point resumes where it was and never flips
 * the Service twice.
 *
 * <p>Steps: the first pair is deployed straight into the active slot (there is nothing to protect yet). A different
 * pair starts a swap: it is deployed in the other slot with previewReplicas pods (phase Deploying); once they are
 * ready it is analysed (Analyzing); when the analysis passes it is promoted (or waits for the promote annotation):
 * the active slot becomes the candidate's in one status write, which moves the Service selector, and the replaced
 * pair keeps running for scaleDownDelaySeconds (ScalingDown) before it is removed. A failed analysis, a passed
 * deadline or the abort annotation rejects the candidate and leaves the active pair untouched.
 */
public final class SwapPlanner {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final int HISTORY = 10;
    /** Why a rejected pair's references may resolve to nothing: the abort archived its version. */
    private static final Set<RolloutReason> ARCHIVED =
            EnumSet.of(RolloutReason.ModelArchived, RolloutReason.IndexArchived);

    /** Runs the analysis of a candidate on its ready pods. */
    @FunctionalInterface
    public interface Analyst extends BiFunction<ServedPair, List<SlotObservation.PodView>, AnalysisResult> {}

    /**
     * A transition worth an Event (and, for swaps, a metric).
     *
     * @param warning whether it needs attention
     * @param reason one word
     * @param message a sentence
     * @param swapEnded Promoted or Aborted when a swap ended, with its duration
     */
    public record Transition(boolean warning, RolloutReason reason, String message, Optional<SwapEnd> swapEnded) {
        static Transition normal(RolloutReason reason, String message) {
            return new Transition(false, reason, message, Optional.empty());
        }

        static Transition warning(RolloutReason reason, String message) {
            return new Transition(true, reason, message, Optional.empty());
        }
    }

    /** A swap's end, for the swap metrics. */
    public record SwapEnd(SwapResult result, Duration took) {}

    /**
     * The next step.
     *
     * @param status the status to write before anything else changes
     * @param transitions what happened, for Events and metrics
     * @param swapStarted whether a swap started in this step
     * @param inMotion whether the Rollout should be looked at again soon (a swap runs, pods start)
     */
    public record Plan(RolloutStatus status, List<Transition> transitions, boolean swapStarted, boolean inMotion) {}

    private SwapPlanner() {}

    /**
     * Decides the next status.
     *
     * @param rollout the Rollout with the status the last step wrote
     * @param resolution what the spec's pair resolves to now
     * @param slots the pods of both slots
     * @param analyst runs an analysis when the candidate's pods are ready
     */
    public static Plan plan(
            Rollout rollout,
            PairResolution resolution,
            Map<Colour, SlotObservation> slots,
            Analyst analyst,
            Instant now) {
        return new Step(rollout, resolution, slots, analyst, now).run();
    }

    /** One planning step; holds the status being built. */
    private static final class Step {
        private final Rollout rollout;
        private final BlueGreen strategy;
        private final PairResolution resolution;
        private final Map<Colour, SlotObservation> slots;
        private final Analyst analyst;
        private final Instant now;
        private final String nowText;
        private final RolloutStatus status;
        private final List<Transition> transitions = new ArrayList<>();
        private boolean swapStarted;

        Step(
                Rollout rollout,
                PairResolution resolution,
                Map<Colour, SlotObservation> slots,
                Analyst analyst,
                Instant now) {
            this.rollout = rollout;
            this.strategy = rollout.getSpec().getStrategy().getBlueGreen();
            this.resolution = resolution;
            this.slots = slots;
            this.analyst = analyst;
            this.now = now.truncatedTo(ChronoUnit.SECONDS);
            this.nowText = this.now.toString();
            this.status = rollout.getStatus() == null ? new RolloutStatus() : JSON.clone(rollout.getStatus());
            if (status.getHistory() == null) {
                status.setHistory(new ArrayList<>());
            }
        }

        Plan run() {
            honourRetry();
            ServedPair rejected = status.getRejected();
            if (rejected != null && resolution.reason() == RolloutReason.ModelArchived) {
                // Failed pairs kept for inspection go once their version is archived.
                rejected.setReplicas(0);
            }
            removeRetiredPair();
            if (status.getActive() == null) {
                deployFirstPair();
            } else {
                status.getActive().setReplicas(rollout.getSpec().getReplicas());
                if (status.getPreview() != null) {
                    advanceSwap();
                }
                if (status.getPreview() == null) {
                    maybeStartSwap();
                }
            }
            observeReadiness();
            recordFirstPairLive();
            status.setPhase(phase());
            status.setObservedGeneration(rollout.getMetadata().getGeneration());
            status.setConditions(RolloutConditions.of(rollout, status, resolution, slots, now));
            boolean inMotion = status.getPreview() != null
                    || status.getRetiring() != null
                    || status.getPhase() == RolloutPhase.Deploying
                    || status.getPhase() == RolloutPhase.Pending
                    || status.getPhase() == RolloutPhase.Degraded
                    || status.getHistory().stream().anyMatch(r -> !r.isRegistryUpdated());
            return new Plan(status, List.copyOf(transitions), swapStarted, inMotion);
        }

        private void honourRetry() {
            ServedPair rejected = status.getRejected();
            if (rejected != null && rejected.getPair().equals(annotation(Rollout.RETRY_ANNOTATION))) {
                status.setRejected(null);
                transitions.add(Transition.normal(
                        RolloutReason.RetryRequested, "pair " + rejected.getPair() + " may be tried again"));
            }
        }

        /**
         * Once its delay has passed, the replaced pair's slot is freed (replicas 0: its Deployment goes), and the pair
         * leaves status only when none of its pods is left, so that Healthy never shows while it still runs.
         */
        private void removeRetiredPair() {
            ServedPair retiring = status.getRetiring();
            if (retiring == null || now.isBefore(Instant.parse(retiring.getRemoveAfter()))) {
                return;
            }
            retiring.setReplicas(0);
            if (slot(retiring.getColour()).hasPods(retiring.getPair())) {
                return;
            }
            status.setRetiring(null);
            transitions.add(Transition.normal(
                    RolloutReason.PairRemoved,
                    "pair " + retiring.getPair() + " (" + retiring.getColour().label()
                            + ") is scaled down and removed"));
        }

        private void deployFirstPair() {
            Optional<TargetPair> target = resolution.target();
            if (target.isEmpty()) {
                return;
            }
            status.setActive(
                    target.get().toServed(Colour.BLUE, rollout.getSpec().getReplicas(), nowText));
            transitions.add(Transition.normal(
                    RolloutReason.Deploying, "deploying pair " + target.get().pair() + " as the first pair (blue)"));
        }

        private void advanceSwap() {
            ServedPair candidate = status.getPreview();
            Optional<TargetPair> target = resolution.target();
            if (target.isPresent() && !target.get().pair().equals(candidate.getPair())) {
                abort(
                        RolloutReason.Superseded,
                        "the spec now asks for pair " + target.get().pair(),
                        false);
                return;
            }
            if (target.isEmpty() && resolution.reason() == RolloutReason.ModelArchived) {
                // An archived version is never deployed: its candidate goes, whatever abortOnFailure says.
                abort(RolloutReason.ModelArchived, resolution.message(), true);
                status.getRejected().setReplicas(0);
                return;
            }
            if (candidate.getPair().equals(annotation(Rollout.ABORT_ANNOTATION))) {
                abort(RolloutReason.ManualAbort, "aborted by the " + Rollout.ABORT_ANNOTATION + " annotation", true);
                return;
            }
            RolloutPhase phase = status.getPhase();
            if (phase == RolloutPhase.AwaitingPromotion) {
                if (candidate.getPair().equals(annotation(Rollout.PROMOTE_ANNOTATION))) {
                    promote(
                            RolloutReason.ManualPromotion,
                            "promoted by the " + Rollout.PROMOTE_ANNOTATION + " annotation");
                }
                return;
            }
            Instant deadline =
                    Instant.parse(status.getSwapStartedAt()).plusSeconds(strategy.getProgressDeadlineSeconds());
            if (now.isAfter(deadline)) {
                SlotObservation slot = slot(candidate.getColour());
                String why = slot.problem(candidate.getPair())
                        .map(p -> ": " + p.reason() + " (" + p.message() + ")")
                        .orElse("");
                abort(
                        RolloutReason.ProgressDeadlineExceeded,
                        "pair " + candidate.getPair() + " was not ready and analysed within "
                                + strategy.getProgressDeadlineSeconds() + " s" + why,
                        true);
                return;
            }
            List<SlotObservation.PodView> ready = slot(candidate.getColour()).readyPods(candidate.getPair());
            if (ready.size() < candidate.getReplicas()) {
                status.setPhase(RolloutPhase.Deploying);
                return;
            }
            if (phase != RolloutPhase.Analyzing) {
                // Analyzing is written first, so the phase shows and a restarted operator analyses again.
                status.setPhase(RolloutPhase.Analyzing);
                transitions.add(Transition.normal(
                        RolloutReason.AnalysisStarted,
                        "pair " + candidate.getPair() + " has " + ready.size() + " ready preview pods; analysing"));
                return;
            }
            AnalysisResult result = analyst.apply(candidate, ready);
            result.setFinishedAt(nowText);
            status.setLastAnalysis(result);
            if (!result.isPassed()) {
                abort(RolloutReason.AnalysisFailed, result.getReason() + ": " + result.getMessage(), true);
                return;
            }
            if (strategy.isAutoPromotion() || candidate.getPair().equals(annotation(Rollout.PROMOTE_ANNOTATION))) {
                promote(RolloutReason.AnalysisPassed, result.getMessage());
            } else {
                status.setPhase(RolloutPhase.AwaitingPromotion);
                transitions.add(Transition.normal(
                        RolloutReason.AnalysisPassed,
                        "pair " + candidate.getPair() + " passed (" + result.getMessage() + "); waiting for "
                                + Rollout.PROMOTE_ANNOTATION + "=" + candidate.getPair()));
            }
        }

        private void promote(RolloutReason reason, String message) {
            ServedPair candidate = status.getPreview();
            ServedPair replaced = status.getActive();
            candidate.setReplicas(rollout.getSpec().getReplicas());
            status.setActive(candidate);
            status.setPreview(null);
            if (strategy.getScaleDownDelaySeconds() > 0) {
                replaced.setRemoveAfter(
                        now.plusSeconds(strategy.getScaleDownDelaySeconds()).toString());
                status.setRetiring(replaced);
            } else {
                status.setRetiring(null);
            }
            Duration took = swapDuration();
            addHistory(candidate, replaced, SwapResult.Promoted, reason, message, false);
            status.setSwapStartedAt(null);
            transitions.add(new Transition(
                    false,
                    RolloutReason.Promoted,
                    "pair " + candidate.getPair() + " is live ("
                            + candidate.getColour().label() + "), replacing " + replaced.getPair() + ": " + message,
                    Optional.of(new SwapEnd(SwapResult.Promoted, took))));
        }

        private void abort(RolloutReason reason, String message, boolean reject) {
            ServedPair candidate = status.getPreview();
            status.setPreview(null);
            if (reject) {
                candidate.setReplicas(strategy.isAbortOnFailure() ? 0 : candidate.getReplicas());
                status.setRejected(candidate);
            }
            Duration took = swapDuration();
            // Only a failed analysis says the pair itself is bad; it is archived in MLflow unless its model version
            // is the live one (a new index of the live model failing must not archive the live model).
            boolean archive = reason == RolloutReason.AnalysisFailed
                    && !candidate.getModelVersion().equals(status.getActive().getModelVersion());
            addHistory(candidate, status.getActive(), SwapResult.Aborted, reason, message, !archive);
            status.setSwapStartedAt(null);
            transitions.add(new Transition(
                    reason != RolloutReason.Superseded,
                    reason,
                    "swap to pair " + candidate.getPair() + " aborted: " + message + "; pair "
                            + status.getActive().getPair() + " stays live",
                    Optional.of(new SwapEnd(SwapResult.Aborted, took))));
        }

        private void maybeStartSwap() {
            Optional<TargetPair> target = resolution.target();
            ServedPair active = status.getActive();
            if (target.isEmpty() || target.get().pair().equals(active.getPair())) {
                return;
            }
            ServedPair rejected = status.getRejected();
            if (rejected != null && rejected.getPair().equals(target.get().pair())) {
                return;
            }
            Colour colour = active.getColour().other();
            ServedPair retiring = status.getRetiring();
            if (retiring != null) {
                status.setRetiring(null);
                transitions.add(Transition.normal(
                        RolloutReason.PairRemoved,
                        "pair " + retiring.getPair()
                                + " is removed before its delay ended: a new swap needs its slot"));
            }
            status.setPreview(target.get().toServed(colour, strategy.getPreviewReplicas(), nowText));
            status.setSwapStartedAt(nowText);
            status.setPhase(RolloutPhase.Deploying);
            status.setLastAnalysis(null);
            swapStarted = true;
            transitions.add(Transition.normal(
                    RolloutReason.SwapStarted,
                    "deploying pair " + target.get().pair() + " (" + colour.label() + ") beside live pair "
                            + active.getPair() + " with " + strategy.getPreviewReplicas() + " preview pods"));
        }

        private void observeReadiness() {
            for (ServedPair pair : new ServedPair[] {status.getActive(), status.getPreview(), status.getRetiring()}) {
                if (pair != null) {
                    pair.setReadyReplicas(
                            slot(pair.getColour()).readyPods(pair.getPair()).size());
                }
            }
        }

        private void recordFirstPairLive() {
            ServedPair active = status.getActive();
            if (active == null || active.getReadyReplicas() == 0) {
                return;
            }
            boolean recorded = status.getHistory().stream()
                    .anyMatch(r -> r.getResult() == SwapResult.Promoted
                            && active.getPair().equals(r.getPair()));
            if (!recorded) {
                addHistory(active, null, SwapResult.Promoted, RolloutReason.FirstPair, "the first pair is live", false);
                transitions.add(Transition.normal(
                        RolloutReason.PairLive,
                        "pair " + active.getPair() + " serves ("
                                + active.getColour().label() + ")"));
            }
        }

        private RolloutPhase phase() {
            ServedPair active = status.getActive();
            if (active == null) {
                return RolloutPhase.Pending;
            }
            if (status.getPreview() != null) {
                RolloutPhase phase = status.getPhase();
                return phase == RolloutPhase.Analyzing || phase == RolloutPhase.AwaitingPromotion
                        ? phase
                        : RolloutPhase.Deploying;
            }
            if (status.getRetiring() != null) {
                return RolloutPhase.ScalingDown;
            }
            if (status.getRejected() != null && specStillNames(status.getRejected())) {
                return RolloutPhase.Aborted;
            }
            if (active.getReadyReplicas() >= rollout.getSpec().getReplicas()) {
                return RolloutPhase.Healthy;
            }
            boolean everLive =
                    status.getHistory().stream().anyMatch(r -> active.getPair().equals(r.getPair()));
            return everLive ? RolloutPhase.Degraded : RolloutPhase.Deploying;
        }

        /**
         * Whether the spec still asks for the rejected pair. A failed candidate's version is archived right after the
         * abort, and from then on it resolves to nothing, so the same references count as the same pair: otherwise
         * the phase would fall back to Healthy within a second of the abort, while the spec names a pair that will
         * never serve.
         */
        private boolean specStillNames(ServedPair rejected) {
            Optional<TargetPair> target = resolution.target();
            if (target.isPresent()) {
                return target.get().pair().equals(rejected.getPair());
            }
            PairRef wanted = rollout.getSpec().getPair();
            return ARCHIVED.contains(resolution.reason())
                    && wanted.getModelRef().equals(rejected.getModelRef())
                    && wanted.getIndexRef().equals(rejected.getIndexRef());
        }

        private void addHistory(
                ServedPair candidate,
                ServedPair replaced,
                SwapResult result,
                RolloutReason reason,
                String message,
                boolean registryUpdated) {
            SwapRecord record = new SwapRecord();
            record.setPair(candidate.getPair());
            record.setReplaced(replaced == null ? null : replaced.getPair());
            record.setTrackingUri(candidate.getTrackingUri());
            record.setModelName(candidate.getModelName());
            record.setModelVersion(candidate.getModelVersion());
            record.setReplacedModelVersion(replaced == null ? null : replaced.getModelVersion());
            record.setResult(result);
            record.setReason(reason.name());
            record.setMessage(message);
            record.setRegistryUpdated(registryUpdated);
            record.setStartedAt(Objects.requireNonNullElse(status.getSwapStartedAt(), candidate.getDeployedAt()));
            record.setFinishedAt(nowText);
            List<SwapRecord> history = new ArrayList<>();
            history.add(record);
            history.addAll(status.getHistory());
            status.setHistory(new ArrayList<>(history.subList(0, Math.min(HISTORY, history.size()))));
        }

        private Duration swapDuration() {
            return status.getSwapStartedAt() == null
                    ? Duration.ZERO
                    : Duration.between(Instant.parse(status.getSwapStartedAt()), now);
        }

        private SlotObservation slot(Colour colour) {
            return slots.getOrDefault(colour, SlotObservation.empty(colour));
        }

        private String annotation(String key) {
            var annotations = rollout.getMetadata().getAnnotations();
            return annotations == null ? null : annotations.get(key);
        }
    }
}
