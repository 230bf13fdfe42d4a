/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** Writes a primary resource's status the way the reconcilers that decide from their own status need it. */
public final class StatusWriter {

    private StatusWriter() {}

    /**
     * Replaces the status with the resourceVersion the reconcile read, so a status decided on stale state fails (and
     * is decided again), and tells the controller's informer cache about the write, so the next reconcile does not
     * read its own past. The resource given takes the new resourceVersion.
     */
    public static <R extends HasMetadata> void replaceStatus(R resource, Context<R> context) {
        R before = Serialization.clone(resource);
        R stored = context.getClient().resource(resource).updateStatus();
        context.eventSourceRetriever()
                .getControllerEventSource()
                .handleRecentResourceUpdate(ResourceID.fromResource(stored), stored, before);
        resource.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
    }
}
