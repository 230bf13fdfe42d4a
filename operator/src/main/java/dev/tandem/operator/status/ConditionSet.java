/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.status;

import dev.tandem.api.crd.v1alpha1.common.Reason;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Builds a resource's conditions from the ones it had: every condition carries the generation it describes, and its
 * {@code lastTransitionTime} moves only when its status flips, as Kubernetes API conventions ask.
 */
public final class ConditionSet {

    private static final Pattern REASON = Pattern.compile("^[A-Z][A-Za-z0-9]*$");

    private final Map<String, Condition> previous = new LinkedHashMap<>();
    private final Map<String, Condition> next = new LinkedHashMap<>();
    private final long generation;
    private final Clock clock;

    private ConditionSet(List<Condition> previous, long generation, Clock clock) {
        if (previous != null) {
            previous.forEach(c -> this.previous.put(c.getType(), c));
        }
        this.generation = generation;
        this.clock = clock;
    }

    /** Starts from the conditions a status had, for the resource's current generation. */
    public static ConditionSet from(List<Condition> previous, Long generation, Clock clock) {
        return new ConditionSet(previous, generation == null ? 0 : generation, clock);
    }

    /** Sets one condition with one of the operator's own reasons. */
    public ConditionSet set(String type, boolean status, Reason reason, String message) {
        return set(type, status, reason.name(), message);
    }

    /**
     * Sets one condition with a reason as reported: the operator's own, or one it passes on (a scheduler's, a
     * kubelet's, {@code build-index}'s).
     *
     * @param reason one CamelCase word a user can act on
     * @param message what happened, in a sentence
     */
    public ConditionSet set(String type, boolean status, String reason, String message) {
        if (!REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("a condition reason is one CamelCase word: " + reason);
        }
        String value = status ? "True" : "False";
        Condition before = previous.get(type);
        String since = before != null && value.equals(before.getStatus()) && before.getLastTransitionTime() != null
                ? before.getLastTransitionTime()
                : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        next.put(
                type,
                new ConditionBuilder()
                        .withType(type)
                        .withStatus(value)
                        .withReason(reason)
                        .withMessage(Objects.requireNonNullElse(message, ""))
                        .withObservedGeneration(generation)
                        .withLastTransitionTime(since)
                        .build());
        return this;
    }

    /** Whether the condition of this type flipped (or appeared) in this set. */
    public boolean flipped(String type) {
        Condition before = previous.get(type);
        Condition after = next.get(type);
        return after != null && (before == null || !after.getStatus().equals(before.getStatus()));
    }

    /** The conditions, in the order they were set. */
    public List<Condition> build() {
        return new ArrayList<>(next.values());
    }
}
