/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The two slots a Rollout swaps between: the live pair has one colour and a candidate gets the other. */
public enum Colour {
    @JsonProperty("blue")
    BLUE,
    @JsonProperty("green")
    GREEN;

    /** The other slot. */
    public Colour other() {
        return this == BLUE ? GREEN : BLUE;
    }

    /** The name in object names and labels. */
    public String label() {
        return this == BLUE ? "blue" : "green";
    }
}
