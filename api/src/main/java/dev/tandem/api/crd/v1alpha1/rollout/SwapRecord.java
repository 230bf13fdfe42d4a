/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One finished swap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SwapRecord {

    @JsonPropertyDescription("The candidate pair.")
    private String pair;

    @JsonPropertyDescription("The pair that was live when the swap started; empty for the first deployment.")
    private String replaced;

    @JsonPropertyDescription("The MLflow tracking URI of the candidate's model.")
    private String trackingUri;

    @JsonPropertyDescription("The registered model of the candidate.")
    private String modelName;

    @JsonPropertyDescription("The candidate's model version.")
    private String modelVersion;

    @JsonPropertyDescription("The replaced pair's model version; empty for the first deployment.")
    private String replacedModelVersion;

    @JsonPropertyDescription("Promoted or Aborted.")
    private SwapResult result;

    @JsonPropertyDescription(
            "Why, as one word (AnalysisPassed, ManualPromotion, AnalysisFailed, ProgressDeadlineExceeded, ManualAbort, Superseded).")
    private String reason;

    @JsonPropertyDescription("In a sentence.")
    private String message;

    @JsonPropertyDescription(
            "Whether MLflow has recorded the outcome (champion alias and stage Production for a promoted version, stage"
                    + " Archived for the replaced or failed one). Retried until it has.")
    private boolean registryUpdated;

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

    public SwapResult getResult() {
        return result;
    }

    public void setResult(SwapResult result) {
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

    public boolean isRegistryUpdated() {
        return registryUpdated;
    }

    public void setRegistryUpdated(boolean registryUpdated) {
        this.registryUpdated = registryUpdated;
    }

    public String getTrackingUri() {
        return trackingUri;
    }

    public void setTrackingUri(String trackingUri) {
        this.trackingUri = trackingUri;
    }

    public String getModelName() {
        return modelName;
    }

    public void setModelName(String modelName) {
        this.modelName = modelName;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public void setModelVersion(String modelVersion) {
        this.modelVersion = modelVersion;
    }

    public String getReplacedModelVersion() {
        return replacedModelVersion;
    }

    public void setReplacedModelVersion(String replacedModelVersion) {
        this.replacedModelVersion = replacedModelVersion;
    }
}
