/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What the analysis of a candidate measured, and its verdict. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AnalysisResult {

    @JsonPropertyDescription("The candidate pair analysed.")
    private String pair;

    @JsonPropertyDescription("Whether every check passed.")
    private boolean passed;

    @JsonPropertyDescription(
            "The first check that failed, as one word (SmokeQueriesFailed, LatencyTooHigh, RecallTooLow, VersionMismatch,"
                    + " PodUnreachable); empty when all passed.")
    private String reason;

    @JsonPropertyDescription("What was measured against what was asked, in a sentence.")
    private String message;

    @JsonPropertyDescription("Preview pods analysed.")
    private Integer pods;

    @JsonPropertyDescription("Smoke queries sent, over all pods.")
    private Integer smokeQueries;

    @JsonPropertyDescription("Smoke queries that failed or answered another version.")
    private Integer failedQueries;

    @JsonPropertyDescription("p99 latency of the smoke queries in milliseconds, worst pod.")
    private Double p99Millis;

    @JsonPropertyDescription("recall@10 against exact search on the pair's probe vectors, worst pod.")
    private Double recallAt10;

    @JsonPropertyDescription("Model versions the smoke queries' responses reported.")
    private List<String> versionsSeen;

    @JsonPropertyDescription("When the analysis finished (RFC 3339).")
    private String finishedAt;

    public String getPair() {
        return pair;
    }

    public void setPair(String pair) {
        this.pair = pair;
    }

    public boolean isPassed() {
        return passed;
    }

    public void setPassed(boolean passed) {
        this.passed = passed;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Integer getPods() {
        return pods;
    }

    public void setPods(Integer pods) {
        this.pods = pods;
    }

    public Integer getSmokeQueries() {
        return smokeQueries;
    }

    public void setSmokeQueries(Integer smokeQueries) {
        this.smokeQueries = smokeQueries;
    }

    public Integer getFailedQueries() {
        return failedQueries;
    }

    public void setFailedQueries(Integer failedQueries) {
        this.failedQueries = failedQueries;
    }

    public Double getP99Millis() {
        return p99Millis;
    }

    public void setP99Millis(Double p99Millis) {
        this.p99Millis = p99Millis;
    }

    public Double getRecallAt10() {
        return recallAt10;
    }

    public void setRecallAt10(Double recallAt10) {
        this.recallAt10 = recallAt10;
    }

    public List<String> getVersionsSeen() {
        return versionsSeen;
    }

    public void setVersionsSeen(List<String> versionsSeen) {
        this.versionsSeen = versionsSeen;
    }

    public String getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(String finishedAt) {
        this.finishedAt = finishedAt;
    }
}
