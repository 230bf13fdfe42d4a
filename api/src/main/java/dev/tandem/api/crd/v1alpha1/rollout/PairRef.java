/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A model and the index built from it, by the names of their resources in the Rollout's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PairRef {

    @Required
    @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
    @JsonPropertyDescription("Name of the RecModel.")
    private String modelRef;

    @Required
    @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
    @JsonPropertyDescription(
            "Name of the RecIndex; its spec.modelRef must be modelRef, and it must be built from the model's resolved"
                    + " version before the pair is deployed.")
    private String indexRef;

    public PairRef() {}

    public PairRef(String modelRef, String indexRef) {
        this.modelRef = modelRef;
        this.indexRef = indexRef;
    }

    public String getModelRef() {
        return modelRef;
    }

    public void setModelRef(String modelRef) {
        this.modelRef = modelRef;
    }

    public String getIndexRef() {
        return indexRef;
    }

    public void setIndexRef(String indexRef) {
        this.indexRef = indexRef;
    }
}
