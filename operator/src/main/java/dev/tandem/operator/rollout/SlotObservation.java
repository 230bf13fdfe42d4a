/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import java.util.List;
import java.util.Optional;

/**
 * The pods of one slot as the operator sees them now.
 *
 * @param colour the slot
 * @param pods its pods, terminating ones included
 */
public record SlotObservation(Colour colour, List<PodView> pods) {

    public SlotObservation {
        pods = List.copyOf(pods);
    }

    /** A slot without pods. */
    public static SlotObservation empty(Colour colour) {
        return new SlotObservation(colour, List.of());
    }

    /** Pods of this pair that are ready (their pair is loaded and warm) and not terminating. */
    public List<PodView> readyPods(String pair) {
        return pods.stream()
                .filter(p -> p.pair().equals(pair) && p.ready() && !p.terminating())
                .toList();
    }

    /** Whether any pod of this pair is left, terminating ones included. */
    public boolean hasPods(String pair) {
        return pods.stream().anyMatch(p -> p.pair().equals(pair));
    }

    /** What keeps a pod of this pair from running, when something does. */
    public Optional<PodProblem> problem(String pair) {
        return pods.stream()
                .filter(p -> p.pair().equals(pair) && !p.terminating())
                .flatMap(p -> p.problem().stream())
                .findFirst();
    }

    /**
     * One pod.
     *
     * @param name the pod
     * @param pair its {@code tandem.dev/pair} label
     * @param ready whether its Ready condition is True
     * @param ip its address, empty until it has one
     * @param terminating whether it is being deleted
     * @param problem what keeps it from running
     */
    public record PodView(
            String name, String pair, boolean ready, String ip, boolean terminating, Optional<PodProblem> problem) {}

    /**
     * Why a pod does not run: the scheduler's or the node's reason and message.
     *
     * @param reason one word, e.g. Unschedulable, CrashLoopBackOff, OutOfnvidia.com/gpu
     * @param message their sentence
     */
    public record PodProblem(String reason, String message) {}
}
