/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout.dependent;

import dev.tandem.api.crd.v1alpha1.rollout.Colour;

/** The Deployment of the green slot. */
public class GreenDeployment extends PairDeployment {

    public GreenDeployment() {
        super(Colour.GREEN);
    }
}
