/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout.dependent;

import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.naming.RolloutNames;
import dev.tandem.api.naming.TandemLabels;
import dev.tandem.operator.rollout.ServingServices;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The Service of a swap's candidate; it exists only during a swap. */
@KubernetesDependent(informer = @Informer(labelSelector = TandemLabels.ROLLOUT_SELECTOR))
public class PreviewService extends CRUDKubernetesDependentResource<Service, Rollout> {

    public PreviewService() {
        super(Service.class);
    }

    @Override
    protected Service desired(Rollout rollout, Context<Rollout> context) {
        return ServingServices.preview(rollout, rollout.getStatus().getPreview().getColour());
    }

    @Override
    protected ResourceID targetSecondaryResourceID(Rollout rollout, Context<Rollout> context) {
        return new ResourceID(
                RolloutNames.previewService(rollout), rollout.getMetadata().getNamespace());
    }
}
