/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a pod's status the way a kubelet reports it: the phase, the addresses, each container's state, and the
 * conditions {@code PodReadyToStartContainers}, {@code Initialized}, {@code ContainersReady} and {@code Ready}
 * (with the pod's readiness gates), keeping the conditions others own ({@code PodScheduled},
 * {@code DisruptionTarget}, readiness gates' own) as they are. A condition's {@code lastTransitionTime} moves only
 * when its status flips.
 */
public final class PodStatusAssembler {

    static final String READY_TO_START = "PodReadyToStartContainers";
    static final String INITIALIZED = "Initialized";
    static final String CONTAINERS_READY = "ContainersReady";
    static final String READY = "Ready";
    private static final Set<String> OWN = Set.of(READY_TO_START, INITIALIZED, CONTAINERS_READY, READY);

    private PodStatusAssembler() {}

    /** The status for {@code input}, given the pod as the API server has it (spec and previous status). */
    public static PodStatus build(Pod pod, PodStatusInput input, Instant now) {
        PodStatus previous = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        String phase = input.phase() != null
                ? input.phase()
                : PodPhases.of(pod.getSpec().getRestartPolicy(), input.initContainers(), input.containers());
        String time = timestamp(now);
        Map<String, PodCondition> before = previous.getConditions() == null
                ? Map.of()
                : previous.getConditions().stream()
                        .collect(Collectors.toMap(PodCondition::getType, Function.identity(), (a, b) -> b));

        List<PodCondition> conditions = new ArrayList<>();
        // Conditions this node does not own come first, as the API server had them.
        if (previous.getConditions() != null) {
            previous.getConditions().stream()
                    .filter(c -> !OWN.contains(c.getType()))
                    .forEach(conditions::add);
        }
        boolean terminal = PodPhases.terminal(phase);
        conditions.add(condition(before, READY_TO_START, input.podIp() != null && !terminal, null, null, time));

        List<String> incomplete = input.initContainers().stream()
                .filter(c -> c.getState().getTerminated() == null
                        || c.getState().getTerminated().getExitCode() != 0)
                .map(ContainerStatus::getName)
                .toList();
        boolean initialized = incomplete.isEmpty();
        conditions.add(
                initialized
                        ? condition(before, INITIALIZED, true, null, null, time)
                        : condition(
                                before,
                                INITIALIZED,
                                false,
                                "ContainersNotInitialized",
                                "containers with incomplete status: " + names(incomplete),
                                time));

        List<String> unready = input.containers().stream()
                .filter(c -> !Boolean.TRUE.equals(c.getReady()))
                .map(ContainerStatus::getName)
                .toList();
        String notReadyReason = PodPhases.SUCCEEDED.equals(phase) ? "PodCompleted" : "ContainersNotReady";
        boolean containersReady = unready.isEmpty() && initialized && !terminal;
        String unreadyMessage = unready.isEmpty() ? null : "containers with unready status: " + names(unready);
        conditions.add(
                containersReady
                        ? condition(before, CONTAINERS_READY, true, null, null, time)
                        : condition(before, CONTAINERS_READY, false, notReadyReason, unreadyMessage, time));

        Optional<String> gate = unmetReadinessGate(pod, before);
        if (containersReady && gate.isPresent()) {
            conditions.add(condition(before, READY, false, "ReadinessGatesNotReady", gate.get(), time));
        } else {
            conditions.add(
                    containersReady
                            ? condition(before, READY, true, null, null, time)
                            : condition(before, READY, false, notReadyReason, unreadyMessage, time));
        }

        PodStatusBuilder status = new PodStatusBuilder(previous)
                .withPhase(phase)
                .withReason(input.reason())
                .withMessage(input.message())
                .withHostIP(input.hostIp())
                .withHostIPs(new HostIP(input.hostIp()))
                .withStartTime(timestamp(input.startTime()))
                .withConditions(conditions)
                .withInitContainerStatuses(input.initContainers())
                .withContainerStatuses(input.containers());
        if (input.podIp() != null) {
            status.withPodIP(input.podIp()).withPodIPs(new PodIP(input.podIp()));
        }
        return status.build();
    }

    /** RFC 3339 to the second, as the API server stores times. */
    public static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Optional<String> unmetReadinessGate(Pod pod, Map<String, PodCondition> conditions) {
        List<PodReadinessGate> gates = pod.getSpec().getReadinessGates();
        if (gates == null) {
            return Optional.empty();
        }
        for (PodReadinessGate gate : gates) {
            PodCondition condition = conditions.get(gate.getConditionType());
            if (condition == null) {
                return Optional.of("corresponding condition of pod readiness gate \"" + gate.getConditionType()
                        + "\" does not exist.");
            }
            if (!"True".equals(condition.getStatus())) {
                return Optional.of("the status of pod readiness gate \"" + gate.getConditionType()
                        + "\" is not \"True\", but " + condition.getStatus());
            }
        }
        return Optional.empty();
    }

    private static PodCondition condition(
            Map<String, PodCondition> before, String type, boolean value, String reason, String message, String now) {
        String status = value ? "True" : "False";
        PodCondition previous = before.get(type);
        String since =
                previous != null && status.equals(previous.getStatus()) && previous.getLastTransitionTime() != null
                        ? previous.getLastTransitionTime()
                        : now;
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(since)
                .build();
    }

    private static String names(List<String> names) {
        return "[" + String.join(" ", names) + "]";
    }
}
