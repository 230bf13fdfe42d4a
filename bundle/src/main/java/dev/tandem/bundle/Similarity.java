/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a user vector is scored against an item vector. */
public enum Similarity {
    /** Inner product, as a softmax over items is trained; vectors are not unit length. */
    DOT("dot"),
    /** Cosine of the angle; vectors are compared after normalisation. */
    COSINE("cosine");

    private final String json;

    Similarity(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
