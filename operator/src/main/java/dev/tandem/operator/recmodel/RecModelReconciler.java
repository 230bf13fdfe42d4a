/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelReason;
import dev.tandem.mlflow.ModelVersion;
import dev.tandem.operator.config.OperatorConfig;
import dev.tandem.operator.events.TransitionEvents;
import dev.tandem.operator.metrics.OperatorMetrics;
import dev.tandem.operator.recmodel.RecModelStatusBuilder.Outcome;
import dev.tandem.operator.recmodel.RecModelStatusBuilder.StatusEvent;
import dev.tandem.operator.status.ReconcileFailures;
import dev.tandem.operator.status.StatusWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a RecModel against its MLflow registry and verifies the version's bundle, once per version: resolve →
 * verify when status holds no verdict on this version → status, Events and metrics → look again after the resync
 * interval (aliases move and stages change in MLflow without telling the operator), or sooner while MLflow cannot be
 * asked. It owns no objects in the cluster (only Events), so it needs no finalizer.
 */
@ControllerConfiguration(name = RecModelReconciler.NAME)
public class RecModelReconciler implements Reconciler<RecModel> {

    /** The controller's name; {@code quarkus.operator-sdk.controllers."recmodel".*} configures it. */
    public static final String NAME = "recmodel";

    static final String KIND = HasMetadata.getKind(RecModel.class);

    private final ModelResolver resolver;
    private final BundleVerifier verifier;
    private final TransitionEvents events;
    private final OperatorMetrics metrics;
    private final ReconcileFailures failures;
    private final RecModelStatusBuilder statuses;
    private final Optional<URI> defaultTrackingUri;

    public RecModelReconciler(
            ModelResolver resolver,
            BundleVerifier verifier,
            TransitionEvents events,
            OperatorMetrics metrics,
            ReconcileFailures failures,
            OperatorConfig config,
            Clock clock) {
        this.resolver = resolver;
        this.verifier = verifier;
        this.events = events;
        this.metrics = metrics;
        this.failures = failures;
        this.statuses = new RecModelStatusBuilder(clock, config.resyncInterval());
        this.defaultTrackingUri = config.mlflowTrackingUri();
    }

    @Override
    public UpdateControl<RecModel> reconcile(RecModel model, Context<RecModel> context) {
        metrics.reconciled(KIND);
        if (model.getSpec().getTrackingUri() == null && defaultTrackingUri.isPresent()) {
            fillTrackingUri(model, defaultTrackingUri.get(), context);
            // The spec change is a new generation: it wakes the next reconcile, which resolves against that MLflow.
            return UpdateControl.noUpdate();
        }
        Outcome outcome = statuses.build(model, observe(model));
        outcome.failure().ifPresent(reason -> metrics.failed(KIND, reason));
        for (StatusEvent event : outcome.events()) {
            events.record(model, event.warning(), event.reason(), event.message());
        }
        StatusWriter.store(model, outcome.status(), context);
        return UpdateControl.<RecModel>noUpdate().rescheduleAfter(outcome.requeueAfter());
    }

    @Override
    public ErrorStatusUpdateControl<RecModel> updateErrorStatus(
            RecModel model, Context<RecModel> context, Exception e) {
        // MLflow's answers are status; this is the operator's own trouble, e.g. the API server or the disk.
        return failures.handle(KIND, context, e);
    }

    /**
     * Writes the default MLflow into the spec, as API defaulting would: the RecModel then says where its registry is,
     * and the immutability rule keeps it there when the operator's default changes later.
     */
    private void fillTrackingUri(RecModel model, URI trackingUri, Context<RecModel> context) {
        String patch = context.getClient()
                .getKubernetesSerialization()
                .asJson(Map.of("spec", Map.of("trackingUri", trackingUri.toString())));
        context.getClient()
                .resources(RecModel.class)
                .inNamespace(model.getMetadata().getNamespace())
                .withName(model.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        events.record(
                model,
                false,
                RecModelReason.TrackingUriDefaulted,
                "spec.trackingUri was unset: set to the operator's default MLflow " + trackingUri);
    }

    private RecModelObservation observe(RecModel model) {
        if (model.getSpec().getTrackingUri() == null) {
            return new RecModelObservation.NotResolved(
                    RecModelReason.NoTrackingUri,
                    "spec.trackingUri is unset and the operator has no default MLflow (the chart's mlflow.trackingUri,"
                            + " setting tandem.operator.mlflow-tracking-uri): set one of them");
        }
        try {
            return switch (resolver.resolve(model.getSpec())) {
                case Resolution.NotFound missing ->
                    new RecModelObservation.NotResolved(missing.reason(), missing.message());
                case Resolution.Found found ->
                    new RecModelObservation.Resolved(found.version(), verification(model, found.version()));
            };
        } catch (RegistryUnavailableException e) {
            return new RecModelObservation.Unavailable(e.reason(), e.getMessage());
        }
    }

    /** The expensive download and check, only for a version status holds no verdict on and that is not lost. */
    private Optional<Verification> verification(RecModel model, ModelVersion version)
            throws RegistryUnavailableException {
        if (RecModelStatusBuilder.verdictStands(model, version) || LostVersions.isLost(version)) {
            return Optional.empty();
        }
        return Optional.of(verifier.verify(model.getSpec(), version));
    }
}
