/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout.dependent;

import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.operator.rollout.SlotAssignment;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Whether status puts a pair in a slot; the slot's Deployment exists only then. */
public abstract class SlotOccupied implements Condition<Deployment, Rollout> {

    private final Colour colour;

    protected SlotOccupied(Colour colour) {
        this.colour = colour;
    }

    @Override
    public boolean isMet(
            DependentResource<Deployment, Rollout> dependentResource, Rollout rollout, Context<Rollout> context) {
        return SlotAssignment.of(rollout.getStatus(), colour).isPresent();
    }

    /** The blue slot holds a pair. */
    public static class Blue extends SlotOccupied {
        public Blue() {
            super(Colour.BLUE);
        }
    }

    /** The green slot holds a pair. */
    public static class Green extends SlotOccupied {
        public Green() {
            super(Colour.GREEN);
        }
    }
}
