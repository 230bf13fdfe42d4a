/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** How a new pair replaces the live one. Blue/green of the whole pair is the only strategy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Strategy {

    @Default("{}")
    @JsonPropertyDescription("Blue/green: the candidate pair runs beside the live one until it passes its analysis.")
    private BlueGreen blueGreen = new BlueGreen();

    public BlueGreen getBlueGreen() {
        return blueGreen;
    }

    public void setBlueGreen(BlueGreen blueGreen) {
        this.blueGreen = blueGreen;
    }
}
