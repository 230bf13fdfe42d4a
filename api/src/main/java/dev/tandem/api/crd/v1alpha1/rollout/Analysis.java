/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * The checks a candidate pair passes on its preview pods before it goes live. Every check runs on every preview pod.
 * A threshold left unset is the operator's default, so that a platform team sets its house rules once (Helm values)
 * and a Rollout states only where it differs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Analysis {

    @Min(1)
    @Max(100000)
    @JsonPropertyDescription(
            "Predict requests sent to each preview pod; all must succeed and report the candidate's model version."
                    + " Unset: the operator's default (the chart's analysis.smokeQueries, 100).")
    private Integer smokeQueries;

    @Min(1)
    @Max(60000)
    @JsonPropertyDescription(
            "The highest p99 latency of the smoke queries, in milliseconds, measured by the operator. Unset: the"
                    + " operator's default (the chart's analysis.maxP99Millis, 250).")
    private Integer maxP99Millis;

    @Min(0)
    @Max(1)
    @JsonPropertyDescription(
            "The lowest recall@10 of the served search against exact inner-product search, measured in each preview"
                    + " pod on the pair's own probe user vectors. Unset: the operator's default (the chart's"
                    + " analysis.minRecallAt10, 0.9).")
    private Double minRecallAt10;

    @Min(1)
    @Max(1000)
    @JsonPropertyDescription("Probe user vectors the recall check uses. Unset: the operator's default (the chart's"
            + " analysis.recallQueries, 200).")
    private Integer recallQueries;

    public Integer getSmokeQueries() {
        return smokeQueries;
    }

    public void setSmokeQueries(Integer smokeQueries) {
        this.smokeQueries = smokeQueries;
    }

    public Integer getMaxP99Millis() {
        return maxP99Millis;
    }

    public void setMaxP99Millis(Integer maxP99Millis) {
        this.maxP99Millis = maxP99Millis;
    }

    public Double getMinRecallAt10() {
        return minRecallAt10;
    }

    public void setMinRecallAt10(Double minRecallAt10) {
        this.minRecallAt10 = minRecallAt10;
    }

    public Integer getRecallQueries() {
        return recallQueries;
    }

    public void setRecallQueries(Integer recallQueries) {
        this.recallQueries = recallQueries;
    }
}
