/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recindex;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The space an inner-product graph is built in, as the resource spells it. */
public enum MipsKind {
    /** Möbius transform: items scaled by their norm; measured the best recall per query time. */
    @JsonProperty("mobius")
    MOBIUS,
    /** The extra-dimension transform that turns inner product into cosine. */
    @JsonProperty("extra-dimension")
    EXTRA_DIMENSION;

    /** The spelling {@code build-index --mips} takes. */
    public String cliValue() {
        return this == MOBIUS ? "mobius" : "extra-dimension";
    }
}
