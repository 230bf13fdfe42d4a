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
 * A blue/green swap: the candidate is deployed beside the live pair with {@code previewReplicas} pods, analysed, made
 * live by one update of the Service selector, and only then scaled to {@code replicas}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BlueGreen {

    @Default("1")
    @Min(1)
    @JsonPropertyDescription(
            "Pods of the candidate while it is analysed, 1 to replicas. GPU clusters can rarely afford twice the"
                    + " capacity; the candidate is scaled to replicas after it is promoted, before the old pair goes."
                    + " Default: 1.")
    private int previewReplicas = 1;

    @Default("true")
    @JsonPropertyDescription(
            "Promote the candidate as soon as its analysis passes (default). When false, the candidate waits in phase"
                    + " AwaitingPromotion until the annotation tandem.dev/promote=<candidate pair> is set.")
    private boolean autoPromotion = true;

    @Default("{}")
    @JsonPropertyDescription("What the candidate must show before it goes live.")
    private Analysis analysis = new Analysis();

    @Default("30")
    @Min(0)
    @Max(86400)
    @JsonPropertyDescription(
            "Seconds the replaced pair keeps running after the switch, so clients holding connections drain. Then it"
                    + " is scaled to zero and deleted. Default: 30.")
    private int scaleDownDelaySeconds = 30;

    @Default("900")
    @Min(30)
    @Max(86400)
    @JsonPropertyDescription(
            "Seconds a swap may take from its start to a passed analysis (pods scheduled, pair loaded and warm,"
                    + " analysis done). Past it the swap aborts with reason ProgressDeadlineExceeded. Default: 900.")
    private int progressDeadlineSeconds = 900;

    @Default("true")
    @JsonPropertyDescription(
            "Remove the candidate when its analysis fails or its deadline passes (default). When false, the failed"
                    + " candidate's pods are kept for inspection; the live pair is unchanged either way.")
    private boolean abortOnFailure = true;

    public int getPreviewReplicas() {
        return previewReplicas;
    }

    public void setPreviewReplicas(int previewReplicas) {
        this.previewReplicas = previewReplicas;
    }

    public boolean isAutoPromotion() {
        return autoPromotion;
    }

    public void setAutoPromotion(boolean autoPromotion) {
        this.autoPromotion = autoPromotion;
    }

    public Analysis getAnalysis() {
        return analysis;
    }

    public void setAnalysis(Analysis analysis) {
        this.analysis = analysis;
    }

    public int getScaleDownDelaySeconds() {
        return scaleDownDelaySeconds;
    }

    public void setScaleDownDelaySeconds(int scaleDownDelaySeconds) {
        this.scaleDownDelaySeconds = scaleDownDelaySeconds;
    }

    public int getProgressDeadlineSeconds() {
        return progressDeadlineSeconds;
    }

    public void setProgressDeadlineSeconds(int progressDeadlineSeconds) {
        this.progressDeadlineSeconds = progressDeadlineSeconds;
    }

    public boolean isAbortOnFailure() {
        return abortOnFailure;
    }

    public void setAbortOnFailure(boolean abortOnFailure) {
        this.abortOnFailure = abortOnFailure;
    }
}
