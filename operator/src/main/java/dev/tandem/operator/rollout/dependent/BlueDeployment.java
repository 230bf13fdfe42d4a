/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout.dependent;

import dev.tandem.api.crd.v1alpha1.rollout.Colour;

/** The Deployment of the blue slot. */
public class BlueDeployment extends PairDeployment {

    public BlueDeployment() {
        super(Colour.BLUE);
    }
}
