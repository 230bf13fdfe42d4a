/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.rollout.RolloutReason;
import dev.tandem.api.naming.TandemLabels;
import dev.tandem.operator.rollout.SlotObservation.PodProblem;
import dev.tandem.operator.rollout.SlotObservation.PodView;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads what matters of a serving pod: its pair, readiness, address and what keeps it from running. */
public final class PodViews {

    /** Container waiting reasons that need a person, as a kubelet reports them. */
    private static final Set<String> STUCK = Set.of(
            "CrashLoopBackOff",
            "ImagePullBackOff",
            "ErrImagePull",
            "InvalidImageName",
            "CreateContainerConfigError",
            "CreateContainerError",
            "ImageNotMapped",
            "ImageNotBuilt");

    private PodViews() {}

    public static PodView of(Pod pod) {
        var labels = pod.getMetadata().getLabels();
        String pair = labels == null ? "" : labels.getOrDefault(TandemLabels.PAIR, "");
        var status = pod.getStatus();
        boolean ready =
                condition(pod, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
        String ip = status == null || status.getPodIP() == null ? "" : status.getPodIP();
        boolean terminating = pod.getMetadata().getDeletionTimestamp() != null;
        return new PodView(pod.getMetadata().getName(), pair, ready, ip, terminating, problem(pod));
    }

    static Optional<PodProblem> problem(Pod pod) {
        var status = pod.getStatus();
        if (status == null) {
            return Optional.empty();
        }
        Optional<PodCondition> scheduled = condition(pod, "PodScheduled");
        if (scheduled.isPresent() && "False".equals(scheduled.get().getStatus())) {
            String reason = scheduled.get().getReason() == null
                    ? RolloutReason.Unschedulable.name()
                    : scheduled.get().getReason();
            return Optional.of(new PodProblem(
                    reason,
                    "pod " + pod.getMetadata().getName() + ": "
                            + nullToEmpty(scheduled.get().getMessage())));
        }
        if ("Failed".equals(status.getPhase())) {
            String reason = status.getReason() == null ? RolloutReason.PodFailed.name() : status.getReason();
            return Optional.of(new PodProblem(
                    reason, "pod " + pod.getMetadata().getName() + " failed: " + nullToEmpty(status.getMessage())));
        }
        List<ContainerStatus> containers =
                status.getContainerStatuses() == null ? List.of() : status.getContainerStatuses();
        for (ContainerStatus container : containers) {
            var waiting =
                    container.getState() == null ? null : container.getState().getWaiting();
            if (waiting != null && STUCK.contains(waiting.getReason())) {
                return Optional.of(new PodProblem(
                        waiting.getReason(),
                        "pod " + pod.getMetadata().getName() + " container " + container.getName() + ": "
                                + nullToEmpty(waiting.getMessage())));
            }
        }
        return Optional.empty();
    }

    private static Optional<PodCondition> condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
