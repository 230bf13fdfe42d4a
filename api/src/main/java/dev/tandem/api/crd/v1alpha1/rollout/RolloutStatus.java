/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.tandem.api.crd.v1alpha1.common.StatusConditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * The live pair, the candidate, the pair being retired and the swap history. The operator resumes a swap from this
 * status after a restart, so it holds everything a swap decided.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutStatus implements StatusConditions {

    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription(
            "Pending, Deploying, Analyzing, AwaitingPromotion, ScalingDown, Healthy, Degraded or Aborted.")
    private RolloutPhase phase;

    @JsonPropertyDescription("The live pair: the Service points at its pods.")
    private ServedPair active;

    @JsonPropertyDescription("The candidate of the swap in progress, reachable through <serviceName>-preview.")
    private ServedPair preview;

    @JsonPropertyDescription("The pair a promotion replaced, running until its removeAfter.")
    private ServedPair retiring;

    @JsonPropertyDescription("When the swap in progress started (RFC 3339).")
    private String swapStartedAt;

    @JsonPropertyDescription("The last analysis of a candidate.")
    private AnalysisResult lastAnalysis;

    @JsonPropertyDescription(
            "The last candidate that failed its analysis, passed its deadline or was aborted. Its pair is not deployed"
                    + " again while the spec names it, unless the annotation tandem.dev/retry=<pair> asks for another"
                    + " try. Its pods are kept (replicas > 0) only when abortOnFailure is false.")
    private ServedPair rejected;

    @JsonPropertyDescription("Finished swaps, newest first (at most 10).")
    private List<SwapRecord> history = new ArrayList<>();

    @JsonPropertyDescription("Ready, Progressing and Degraded, each with observedGeneration and a one-word reason.")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public RolloutPhase getPhase() {
        return phase;
    }

    public void setPhase(RolloutPhase phase) {
        this.phase = phase;
    }

    public ServedPair getActive() {
        return active;
    }

    public void setActive(ServedPair active) {
        this.active = active;
    }

    public ServedPair getPreview() {
        return preview;
    }

    public void setPreview(ServedPair preview) {
        this.preview = preview;
    }

    public ServedPair getRetiring() {
        return retiring;
    }

    public void setRetiring(ServedPair retiring) {
        this.retiring = retiring;
    }

    public String getSwapStartedAt() {
        return swapStartedAt;
    }

    public void setSwapStartedAt(String swapStartedAt) {
        this.swapStartedAt = swapStartedAt;
    }

    public AnalysisResult getLastAnalysis() {
        return lastAnalysis;
    }

    public void setLastAnalysis(AnalysisResult lastAnalysis) {
        this.lastAnalysis = lastAnalysis;
    }

    public ServedPair getRejected() {
        return rejected;
    }

    public void setRejected(ServedPair rejected) {
        this.rejected = rejected;
    }

    public List<SwapRecord> getHistory() {
        return history;
    }

    public void setHistory(List<SwapRecord> history) {
        this.history = history;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
