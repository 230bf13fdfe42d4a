/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.common.ConditionTypes;
import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutReason;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutStatus;
import dev.tandem.api.crd.v1alpha1.rollout.ServedPair;
import dev.tandem.api.crd.v1alpha1.rollout.SwapRecord;
import dev.tandem.api.crd.v1alpha1.rollout.SwapResult;
import dev.tandem.operator.rollout.SlotObservation.PodProblem;
import dev.tandem.operator.status.ConditionSet;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Ready, Progressing and Degraded conditions of a Rollout, from the status a step decided. */
public final class RolloutConditions {

    /** Reasons that will not go away without a person changing something. */
    private static final Set<RolloutReason> NEEDS_A_PERSON = EnumSet.of(
            RolloutReason.ModelNotFound,
            RolloutReason.ModelArchived,
            RolloutReason.IndexNotFound,
            RolloutReason.IndexOfAnotherModel,
            RolloutReason.IndexArchived);

    private RolloutConditions() {}

    public static List<Condition> of(
            Rollout rollout,
            RolloutStatus status,
            PairResolution resolution,
            Map<Colour, SlotObservation> slots,
            Instant now) {
        ConditionSet conditions = ConditionSet.from(
                rollout.getStatus() == null ? null : rollout.getStatus().getConditions(),
                rollout.getMetadata().getGeneration(),
                Clock.fixed(now, ZoneOffset.UTC));
        ServedPair active = status.getActive();
        int replicas = rollout.getSpec().getReplicas();
        Optional<PodProblem> activeProblem = active == null
                ? Optional.empty()
                : slots.getOrDefault(active.getColour(), SlotObservation.empty(active.getColour()))
                        .problem(active.getPair());

        if (active == null) {
            conditions.set(ConditionTypes.READY, false, resolution.reason(), resolution.message());
        } else if (replicas == 0) {
            conditions.set(
                    ConditionTypes.READY, false, RolloutReason.ScaledToZero, "spec.replicas is 0: no pod serves");
        } else if (active.getReadyReplicas() >= replicas) {
            conditions.set(
                    ConditionTypes.READY,
                    true,
                    RolloutReason.PairServing,
                    "pair " + active.getPair() + " serves with " + active.getReadyReplicas() + "/" + replicas
                            + " ready pods");
        } else {
            String reason = activeProblem
                    .map(PodProblem::reason)
                    .map(RolloutConditions::word)
                    .orElse(RolloutReason.PodsNotReady.name());
            String message = activeProblem
                    .map(PodProblem::message)
                    .orElse("pair " + active.getPair() + " has " + active.getReadyReplicas() + "/" + replicas
                            + " ready pods");
            conditions.set(ConditionTypes.READY, false, reason, message);
        }

        ServedPair preview = status.getPreview();
        if (preview != null) {
            Optional<PodProblem> problem = slots.getOrDefault(
                            preview.getColour(), SlotObservation.empty(preview.getColour()))
                    .problem(preview.getPair());
            conditions.set(
                    ConditionTypes.PROGRESSING,
                    true,
                    problem.map(p -> word(p.reason()))
                            .orElse(RolloutReason.swapIn(status.getPhase()).name()),
                    problem.map(PodProblem::message)
                            .orElse("swapping to pair " + preview.getPair() + ": " + status.getPhase() + ", "
                                    + preview.getReadyReplicas() + "/" + preview.getReplicas()
                                    + " preview pods ready"));
        } else if (status.getRetiring() != null) {
            conditions.set(
                    ConditionTypes.PROGRESSING,
                    true,
                    RolloutReason.ScalingDown,
                    status.getRetiring().getReplicas() > 0
                            ? "pair " + status.getRetiring().getPair() + " is removed at "
                                    + status.getRetiring().getRemoveAfter()
                            : "pair " + status.getRetiring().getPair() + " is being removed");
        } else if (active != null && active.getReadyReplicas() < replicas) {
            conditions.set(
                    ConditionTypes.PROGRESSING,
                    true,
                    RolloutReason.PodsStarting,
                    "pods of pair " + active.getPair() + " are starting: " + active.getReadyReplicas() + "/" + replicas
                            + " ready");
        } else if (active != null && resolution.target().isEmpty()) {
            conditions.set(
                    ConditionTypes.PROGRESSING,
                    true,
                    resolution.reason(),
                    resolution.message() + "; pair " + active.getPair() + " stays live");
        } else {
            conditions.set(ConditionTypes.PROGRESSING, false, RolloutReason.Stable, "no swap in progress");
        }

        Optional<SwapRecord> lastAbort = status.getHistory().stream()
                .findFirst()
                .filter(r -> r.getResult() == SwapResult.Aborted && !RolloutReason.Superseded.is(r.getReason()));
        if (active != null && activeProblem.isPresent()) {
            conditions.set(
                    ConditionTypes.DEGRADED,
                    true,
                    word(activeProblem.get().reason()),
                    activeProblem.get().message());
        } else if (resolution.target().isEmpty() && NEEDS_A_PERSON.contains(resolution.reason())) {
            conditions.set(ConditionTypes.DEGRADED, true, resolution.reason(), resolution.message());
        } else if (active == null && resolution.target().isPresent() && lastAbort.isEmpty()) {
            conditions.set(ConditionTypes.DEGRADED, false, RolloutReason.AsExpected, "nothing is wrong");
        } else if (status.getRejected() != null
                && lastAbort.isPresent()
                && resolution
                        .target()
                        .map(t -> t.pair().equals(status.getRejected().getPair()))
                        .orElse(false)) {
            conditions.set(
                    ConditionTypes.DEGRADED,
                    true,
                    lastAbort.get().getReason(),
                    "pair " + lastAbort.get().getPair() + " was rejected: "
                            + lastAbort.get().getMessage());
        } else {
            conditions.set(ConditionTypes.DEGRADED, false, RolloutReason.AsExpected, "nothing is wrong");
        }
        return conditions.build();
    }

    /** Turns a kubelet or scheduler reason such as {@code OutOfnvidia.com/gpu} into one CamelCase word. */
    static String word(String reason) {
        StringBuilder word = new StringBuilder();
        boolean upper = true;
        for (char c : reason.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                word.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return word.isEmpty() || !Character.isLetter(word.charAt(0))
                ? RolloutReason.PodProblem.name()
                : word.toString();
    }
}
