/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout.dependent;

import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.naming.TandemLabels;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The Deployment of the green slot. */
@KubernetesDependent(informer = @Informer(labelSelector = TandemLabels.ROLLOUT_SELECTOR))
public class GreenDeployment extends PairDeployment {

    public GreenDeployment() {
        super(Colour.GREEN);
    }
}
