/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recmodel;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How user and item vectors are scored, as the resource spells it. */
public enum SimilarityKind {
    /** Maximum inner product. */
    @JsonProperty("dot")
    DOT,
    /** Cosine of the angle between the vectors. */
    @JsonProperty("cosine")
    COSINE
}
