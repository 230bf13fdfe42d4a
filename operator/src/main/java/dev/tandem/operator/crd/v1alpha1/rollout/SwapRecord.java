/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.crd.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One finished swap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SwapRecord {

    @JsonPropertyDescription("The candidate pair.")
    private String pair;

    @JsonPropertyDescription("The pair that was live when the swap started; empty for the first deployment.")
    private String replaced;

    @JsonPropertyDescription("Promoted or Aborted.")
    private String result;

    @JsonPropertyDescription(
            "Why, as one word (AnalysisPassed, ManualPromotion, AnalysisFailed, ProgressDeadlineExceeded, ManualAbort, Superseded).")
    private String reason;

    @JsonPropertyDescription("In a sentence.")
    private String message;

    @JsonPropertyDescription("When the swap started (RFC 3339).")
    private String startedAt;

    @JsonPropertyDescription("When it ended (RFC 3339).")
    private String finishedAt;

    public String getPair() {
        return pair;
    }

    public void setPair(String pair) {
        this.pair = pair;
    }

    public String getReplaced() {
        return replaced;
    }

    public void setReplaced(String replaced) {
        this.replaced = replaced;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
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

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(String finishedAt) {
        this.finishedAt = finishedAt;
    }
}
