/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One deployed pair, pinned: the exact model version and index build its pods load, whatever the RecModel and RecIndex
 * say later.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServedPair {

    @JsonPropertyDescription(
            "The pair's name, v<model version>-<index build key prefix>; also the tandem.dev/pair label of its pods.")
    private String pair;

    @JsonPropertyDescription("The slot the pair's Deployment occupies (blue or green).")
    private Colour colour;

    @JsonPropertyDescription("The RecModel the pair came from.")
    private String modelRef;

    @JsonPropertyDescription("The registered model in MLflow.")
    private String modelName;

    @JsonPropertyDescription("The model version the pods load.")
    private String modelVersion;

    @JsonPropertyDescription("The MLflow tracking URI the pods load the model from.")
    private String trackingUri;

    @JsonPropertyDescription("The RecIndex the pair came from.")
    private String indexRef;

    @JsonPropertyDescription("The index build the pods load (RecIndex status.buildKey).")
    private String indexBuildKey;

    @JsonPropertyDescription("Where the pods load the index from (RecIndex status.location).")
    private String indexLocation;

    @JsonPropertyDescription("Pods asked for.")
    private Integer replicas;

    @JsonPropertyDescription("Pods ready: their pair is loaded and warm.")
    private Integer readyReplicas;

    @JsonPropertyDescription("When the pair was deployed (RFC 3339).")
    private String deployedAt;

    @JsonPropertyDescription("For a replaced pair: when it is scaled down and deleted (RFC 3339).")
    private String removeAfter;

    public String getPair() {
        return pair;
    }

    public void setPair(String pair) {
        this.pair = pair;
    }

    public Colour getColour() {
        return colour;
    }

    public void setColour(Colour colour) {
        this.colour = colour;
    }

    public String getModelRef() {
        return modelRef;
    }

    public void setModelRef(String modelRef) {
        this.modelRef = modelRef;
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

    public String getTrackingUri() {
        return trackingUri;
    }

    public void setTrackingUri(String trackingUri) {
        this.trackingUri = trackingUri;
    }

    public String getIndexRef() {
        return indexRef;
    }

    public void setIndexRef(String indexRef) {
        this.indexRef = indexRef;
    }

    public String getIndexBuildKey() {
        return indexBuildKey;
    }

    public void setIndexBuildKey(String indexBuildKey) {
        this.indexBuildKey = indexBuildKey;
    }

    public String getIndexLocation() {
        return indexLocation;
    }

    public void setIndexLocation(String indexLocation) {
        this.indexLocation = indexLocation;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public String getDeployedAt() {
        return deployedAt;
    }

    public void setDeployedAt(String deployedAt) {
        this.deployedAt = deployedAt;
    }

    public String getRemoveAfter() {
        return removeAfter;
    }

    public void setRemoveAfter(String removeAfter) {
        this.removeAfter = removeAfter;
    }
}
