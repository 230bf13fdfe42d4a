/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recindex;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** HNSW graph parameters, as the serving image's {@code build-index} takes them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.beamWidth >= self.maxDegree",
        message = "spec.hnsw.beamWidth must be at least spec.hnsw.maxDegree")
public class HnswSpec {

    @Default("32")
    @Min(2)
    @Max(512)
    @JsonPropertyDescription("Neighbours per node (HNSW's M), 2 to 512. Default: 32.")
    private int maxDegree = 32;

    @Default("200")
    @Min(2)
    @Max(4096)
    @JsonPropertyDescription(
            "Candidates considered per insertion while building (efConstruction), at least maxDegree and at most 4096."
                    + " Default: 200.")
    private int beamWidth = 200;

    @Default("10")
    @Min(1)
    @Max(100)
    @JsonPropertyDescription(
            "Candidates searched per result wanted (a k=10 query searches a beam of k × overquery), 1 to 100. More buys"
                    + " recall for latency. Default: 10.")
    private int overquery = 10;

    @Default("mobius")
    @JsonPropertyDescription(
            "How maximum inner product is reduced to a graph the index can search: mobius (default, measured best) or"
                    + " extra-dimension.")
    private MipsKind mips = MipsKind.MOBIUS;

    public int getMaxDegree() {
        return maxDegree;
    }

    public void setMaxDegree(int maxDegree) {
        this.maxDegree = maxDegree;
    }

    public int getBeamWidth() {
        return beamWidth;
    }

    public void setBeamWidth(int beamWidth) {
        this.beamWidth = beamWidth;
    }

    public int getOverquery() {
        return overquery;
    }

    public void setOverquery(int overquery) {
        this.overquery = overquery;
    }

    public MipsKind getMips() {
        return mips;
    }

    public void setMips(MipsKind mips) {
        this.mips = mips;
    }
}
