/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import java.time.Instant;
import java.util.List;

/**
 * What the node knows about a pod at one moment, from which {@link PodStatusBuilder} makes its status.
 *
 * @param phase the phase, or null to derive it from the containers ({@link PodPhases})
 * @param reason the pod's reason (a rejection or a node shutdown), or null
 * @param message the pod's message, or null
 * @param hostIp the node's address
 * @param podIp the pod's address once it has one, else null
 * @param startTime when the node accepted the pod
 * @param initContainers the init containers' statuses, in spec order
 * @param containers the containers' statuses, in spec order
 */
public record PodStatusInput(
        String phase,
        String reason,
        String message,
        String hostIp,
        String podIp,
        Instant startTime,
        List<ContainerStatus> initContainers,
        List<ContainerStatus> containers) {

    public PodStatusInput {
        initContainers = List.copyOf(initContainers);
        containers = List.copyOf(containers);
    }
}
