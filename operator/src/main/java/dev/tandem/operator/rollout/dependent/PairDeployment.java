/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout.dependent;

import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.naming.RolloutNames;
import dev.tandem.operator.config.OperatorConfig;
import dev.tandem.operator.rollout.ServingDeployments;
import dev.tandem.operator.rollout.SlotAssignment;
import dev.tandem.operator.workload.ServingImages;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.inject.Inject;

/**
 * The Deployment of whatever pair occupies one slot. When the slot is free, the workflow's precondition fails and the
 * Deployment is deleted.
 *
 * <p>Each slot's dependent has an informer of its own (named after the dependent), and each watches only Deployments
 * labelled {@link dev.tandem.api.naming.TandemLabels#ROLLOUT_SELECTOR}. The selector is declared on the subclasses:
 * {@code @KubernetesDependent} is not inherited, so on this class it would be ignored.
 */
public abstract class PairDeployment extends CRUDKubernetesDependentResource<Deployment, Rollout> {

    private final Colour colour;

    @Inject
    ServingImages images;

    @Inject
    OperatorConfig config;

    protected PairDeployment(Colour colour) {
        super(Deployment.class);
        this.colour = colour;
    }

    @Override
    protected Deployment desired(Rollout rollout, Context<Rollout> context) {
        return ServingDeployments.desired(
                rollout,
                SlotAssignment.of(rollout.getStatus(), colour)
                        .orElseThrow(() -> new IllegalStateException("slot " + colour.label() + " is free")),
                images.forServing(rollout.getSpec().getResources()),
                images.pullPolicy(),
                config.servingScrapeAnnotations());
    }

    // The slot's object is found by name, so a free slot's Deployment can be found (and deleted) without a desired one.
    @Override
    protected ResourceID targetSecondaryResourceID(Rollout rollout, Context<Rollout> context) {
        return new ResourceID(
                RolloutNames.deployment(rollout, colour), rollout.getMetadata().getNamespace());
    }
}
