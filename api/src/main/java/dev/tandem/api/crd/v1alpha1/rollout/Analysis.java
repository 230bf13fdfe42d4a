/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * The checks a candidate pair passes on its preview pods before it goes live. Every check runs on every preview pod.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Analysis {

    @Default("100")
    @Min(1)
    @Max(100000)
    @JsonPropertyDescription(
            "Predict requests sent to each preview pod; all must succeed and report the candidate's model version."
                    + " Default: 100.")
    private int smokeQueries = 100;

    @Default("250")
    @Min(1)
    @Max(60000)
    @JsonPropertyDescription(
            "The highest p99 latency of the smoke queries, in milliseconds, measured by the operator. Default: 250.")
    private int maxP99Millis = 250;

    @Default("0.9")
    @Min(0)
    @Max(1)
    @JsonPropertyDescription(
            "The lowest recall@10 of the served search against exact inner-product search, measured in each preview"
                    + " pod on the pair's own probe user vectors. Default: 0.9.")
    private double minRecallAt10 = 0.9;

    @Default("200")
    @Min(1)
    @Max(1000)
    @JsonPropertyDescription("Probe user vectors the recall check uses. Default: 200.")
    private int recallQueries = 200;

    public int getSmokeQueries() {
        return smokeQueries;
    }

    public void setSmokeQueries(int smokeQueries) {
        this.smokeQueries = smokeQueries;
    }

    public int getMaxP99Millis() {
        return maxP99Millis;
    }

    public void setMaxP99Millis(int maxP99Millis) {
        this.maxP99Millis = maxP99Millis;
    }

    public double getMinRecallAt10() {
        return minRecallAt10;
    }

    public void setMinRecallAt10(double minRecallAt10) {
        this.minRecallAt10 = minRecallAt10;
    }

    public int getRecallQueries() {
        return recallQueries;
    }

    public void setRecallQueries(int recallQueries) {
        this.recallQueries = recallQueries;
    }
}
