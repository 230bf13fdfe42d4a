/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout.dependent;

import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Preconditions of the Services: a live pair for the active one, a candidate for the preview one. */
public final class PairPresent {

    private PairPresent() {}

    /** Status has a live pair. */
    public static class Active implements Condition<Service, Rollout> {
        @Override
        public boolean isMet(DependentResource<Service, Rollout> dependent, Rollout rollout, Context<Rollout> context) {
            return rollout.getStatus() != null && rollout.getStatus().getActive() != null;
        }
    }

    /** Status has a candidate. */
    public static class Preview implements Condition<Service, Rollout> {
        @Override
        public boolean isMet(DependentResource<Service, Rollout> dependent, Rollout rollout, Context<Rollout> context) {
            return rollout.getStatus() != null && rollout.getStatus().getPreview() != null;
        }
    }
}
