/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recindex;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.tandem.api.crd.v1alpha1.common.StatusConditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** The index the last build produced, measured, and where it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RecIndexStatus implements StatusConditions {

    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription(
            "Pending (waiting for the RecModel), Building, Built, Failed, or Archived (the model version was archived and"
                    + " the index removed). Describes the build of buildKey; the figures below stay those of the last"
                    + " index built until another build completes.")
    private IndexPhase phase;

    @JsonPropertyDescription(
            "Identifies the build the spec and model ask for: a digest of the model version, its embeddings checksum,"
                    + " the HNSW parameters and the storage. A new key means a new index, written to a new location;"
                    + " with phase Built, the figures and location below are this key's.")
    private String buildKey;

    @JsonPropertyDescription("The build Job of buildKey.")
    private String jobName;

    @JsonPropertyDescription("The registered model the index was built from.")
    private String modelName;

    @JsonPropertyDescription("The model version the index was built from.")
    private String modelVersion;

    @JsonPropertyDescription("sha256 of the item embeddings the index was built from, as the index manifest names it.")
    private String embeddingsSha256;

    @JsonPropertyDescription("Items in the index.")
    private Integer items;

    @JsonPropertyDescription("Dimension of the indexed vectors.")
    private Integer dims;

    @JsonPropertyDescription("Seconds the graph build took.")
    private Double buildSeconds;

    @JsonPropertyDescription(
            "recall@10 against exact inner-product search, measured by the build on its probe user vectors.")
    private Double probeRecall;

    @JsonPropertyDescription("User vectors the recall probe used.")
    private Integer probeQueries;

    @JsonPropertyDescription(
            "Where the built index is: an MLflow artifact URI, or pvc://<claim>/<path> for type PersistentVolumeClaim.")
    private String location;

    @JsonPropertyDescription("When the build finished (RFC 3339).")
    private String builtAt;

    @JsonPropertyDescription("Ready, Progressing and Degraded, each with observedGeneration and a one-word reason.")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public IndexPhase getPhase() {
        return phase;
    }

    public void setPhase(IndexPhase phase) {
        this.phase = phase;
    }

    public String getBuildKey() {
        return buildKey;
    }

    public void setBuildKey(String buildKey) {
        this.buildKey = buildKey;
    }

    public String getJobName() {
        return jobName;
    }

    public void setJobName(String jobName) {
        this.jobName = jobName;
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

    public String getEmbeddingsSha256() {
        return embeddingsSha256;
    }

    public void setEmbeddingsSha256(String embeddingsSha256) {
        this.embeddingsSha256 = embeddingsSha256;
    }

    public Integer getItems() {
        return items;
    }

    public void setItems(Integer items) {
        this.items = items;
    }

    public Integer getDims() {
        return dims;
    }

    public void setDims(Integer dims) {
        this.dims = dims;
    }

    public Double getBuildSeconds() {
        return buildSeconds;
    }

    public void setBuildSeconds(Double buildSeconds) {
        this.buildSeconds = buildSeconds;
    }

    public Double getProbeRecall() {
        return probeRecall;
    }

    public void setProbeRecall(Double probeRecall) {
        this.probeRecall = probeRecall;
    }

    public Integer getProbeQueries() {
        return probeQueries;
    }

    public void setProbeQueries(Integer probeQueries) {
        this.probeQueries = probeQueries;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getBuiltAt() {
        return builtAt;
    }

    public void setBuiltAt(String builtAt) {
        this.builtAt = builtAt;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
