/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.status;

import dev.tandem.operator.config.OperatorConfig;
import dev.tandem.operator.metrics.OperatorMetrics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one error policy of Tandem's reconcilers, for the operator's own trouble (the API server, a conflict, a bug), not
 * for what a resource's status reports: count it, leave status as it is (it holds the last decision, which a
 * reconcile must never lose), let the SDK retry, and once its retries are spent look again after the resync interval
 * instead of waiting for the next change.
 */
@ApplicationScoped
public class ReconcileFailures {

    /** The error metric's reason: a status write decided on stale state (retried at once), or anything else. */
    enum Kind {
        Conflict,
        Error;

        static Kind of(Exception e) {
            return e instanceof KubernetesClientException k && k.getCode() == 409 ? Conflict : Error;
        }
    }

    private final OperatorMetrics metrics;
    private final OperatorConfig config;

    public ReconcileFailures(OperatorMetrics metrics, OperatorConfig config) {
        this.metrics = metrics;
        this.config = config;
    }

    /** What {@code updateErrorStatus} of a reconciler of {@code kind} answers. */
    public <R extends HasMetadata> ErrorStatusUpdateControl<R> handle(String kind, Context<R> context, Exception e) {
        metrics.failed(kind, Kind.of(e).name());
        if (context.getRetryInfo().map(RetryInfo::isLastAttempt).orElse(true)) {
            return ErrorStatusUpdateControl.<R>noStatusUpdate().withNoRetry().rescheduleAfter(config.resyncInterval());
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }
}
