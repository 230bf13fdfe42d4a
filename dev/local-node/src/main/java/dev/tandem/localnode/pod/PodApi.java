/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Map;

/** What the node writes about its pods to the API server. */
public interface PodApi {

    /**
     * Replaces the pod's status (a JSON merge patch of the whole status, so that nothing of an older state lingers).
     *
     * @return false when the pod no longer exists
     */
    boolean writeStatus(Pod pod, PodStatus status);

    /** Adds annotations to the pod; false when it no longer exists. */
    boolean annotate(Pod pod, Map<String, String> annotations);

    /** Removes the pod object once its processes are gone, as a kubelet finishes a graceful deletion. */
    void deleteFinished(Pod pod);

    /** Records a Kubernetes Event about the pod ({@code type} Normal or Warning). */
    void event(Pod pod, String container, String type, String reason, String message);
}
