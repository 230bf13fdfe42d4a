/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.status;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * How every Tandem reconciler writes its primary resource's status: each decides from the status it wrote last, so a
 * status decided on stale state must fail (and be decided again), and the next reconcile must not read its own past.
 */
public final class StatusWriter {

    private StatusWriter() {}

    /**
     * Stores {@code status} as the resource's status when it differs from the one the reconcile read.
     *
     * @return whether it was written
     */
    public static <S, R extends CustomResource<?, S>> boolean store(R resource, S status, Context<R> context) {
        if (StatusComparison.same(resource.getStatus(), status)) {
            return false;
        }
        resource.setStatus(status);
        replaceStatus(resource, context);
        return true;
    }

    /**
     * Replaces the status with the resourceVersion the reconcile read, so a status decided on stale state fails (and
     * is decided again), and tells the controller's informer cache about the write, so the next reconcile does not
     * read its own past. The resource given takes the new resourceVersion.
     */
    public static <R extends CustomResource<?, ?>> void replaceStatus(R resource, Context<R> context) {
        R before = Serialization.clone(resource);
        R stored = context.getClient().resource(resource).updateStatus();
        context.eventSourceRetriever()
                .getControllerEventSource()
                .handleRecentResourceUpdate(ResourceID.fromResource(stored), stored, before);
        resource.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
    }
}
