/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import java.util.List;

/** A pod's phase from its containers' states, by the rules a kubelet applies. */
public final class PodPhases {

    public static final String PENDING = "Pending";
    public static final String RUNNING = "Running";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";

    private PodPhases() {}

    /**
     * @param restartPolicy the pod's {@code Always}, {@code OnFailure} or {@code Never}
     * @param initContainers the init containers' statuses, in order
     * @param containers the containers' statuses
     */
    public static String of(
            String restartPolicy, List<ContainerStatus> initContainers, List<ContainerStatus> containers) {
        for (ContainerStatus init : initContainers) {
            ContainerState state = init.getState();
            if (state.getTerminated() != null && state.getTerminated().getExitCode() == 0) {
                continue;
            }
            boolean failedForGood = "Never".equals(restartPolicy)
                    && state.getTerminated() != null
                    && state.getTerminated().getExitCode() != 0;
            return failedForGood ? FAILED : PENDING;
        }
        int running = 0;
        int waiting = 0;
        int stopped = 0;
        int succeeded = 0;
        for (ContainerStatus status : containers) {
            ContainerState state = status.getState();
            if (state.getRunning() != null) {
                running++;
            } else if (state.getTerminated() != null) {
                stopped++;
                if (state.getTerminated().getExitCode() == 0) {
                    succeeded++;
                }
            } else if (status.getLastState() != null && status.getLastState().getTerminated() != null) {
                // Waiting to be restarted: it has run, so the pod is past Pending.
                stopped++;
            } else {
                waiting++;
            }
        }
        if (waiting > 0) {
            return PENDING;
        }
        if (running > 0) {
            return RUNNING;
        }
        if (stopped > 0) {
            if ("Always".equals(restartPolicy)) {
                return RUNNING;
            }
            if (stopped == succeeded) {
                return SUCCEEDED;
            }
            if ("Never".equals(restartPolicy)) {
                return FAILED;
            }
            return allTerminated(containers) ? FAILED : RUNNING;
        }
        return PENDING;
    }

    /** Whether the phase is final. */
    public static boolean terminal(String phase) {
        return SUCCEEDED.equals(phase) || FAILED.equals(phase);
    }

    // With OnFailure, a failed container waits to be restarted (Running) unless it will not be (terminated).
    private static boolean allTerminated(List<ContainerStatus> containers) {
        return containers.stream().allMatch(c -> c.getState().getTerminated() != null);
    }
}
