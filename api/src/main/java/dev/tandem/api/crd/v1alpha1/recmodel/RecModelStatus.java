/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recmodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.tandem.api.crd.v1alpha1.common.ArchiveRecord;
import dev.tandem.api.crd.v1alpha1.common.StatusConditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the operator found in MLflow for a RecModel and whether its bundle verified. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RecModelStatus implements StatusConditions {

    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription(
            "The model version this resource stands for: spec.version, or the version spec.alias named when it was last"
                    + " resolved. Pairs are built and served from this version, never from the alias.")
    private String resolvedVersion;

    @JsonPropertyDescription("The MLflow run that produced the version.")
    private String runId;

    @JsonPropertyDescription("The artifact URI of the version's bundle (the model version's source in MLflow).")
    private String artifactUri;

    @JsonPropertyDescription(
            "The content-addressed dataset version the model was trained on, from the bundle manifest.")
    private String datasetVersion;

    @JsonPropertyDescription("The similarity the bundle was trained for (dot or cosine).")
    private SimilarityKind similarity;

    @JsonPropertyDescription("Dimension of the user and item vectors.")
    private Integer embeddingDim;

    @JsonPropertyDescription("Number of items with an embedding.")
    private Integer itemCount;

    @JsonPropertyDescription(
            "sha256 of every file of the bundle, as its manifest names them and the operator verified.")
    private Map<String, String> checksums;

    @JsonPropertyDescription(
            "Offline metrics measured at training and test time (e.g. recall@50), from the bundle manifest.")
    private Map<String, Double> offlineMetrics;

    @JsonPropertyDescription("The version's current MLflow stage (None, Staging, Production, Archived).")
    private String stage;

    @JsonPropertyDescription("The MLflow aliases that point at the version now.")
    private List<String> aliases;

    @JsonPropertyDescription(
            "Set when the version lost (MLflow stage Archived, or the trainer's loser tag) and was archived: why, and"
                    + " when. An archived version is never deployed again; the active pair of a Rollout keeps serving.")
    private ArchiveRecord archived;

    @JsonPropertyDescription("Ready, Progressing and Degraded, each with observedGeneration and a one-word reason.")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getResolvedVersion() {
        return resolvedVersion;
    }

    public void setResolvedVersion(String resolvedVersion) {
        this.resolvedVersion = resolvedVersion;
    }

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public String getArtifactUri() {
        return artifactUri;
    }

    public void setArtifactUri(String artifactUri) {
        this.artifactUri = artifactUri;
    }

    public String getDatasetVersion() {
        return datasetVersion;
    }

    public void setDatasetVersion(String datasetVersion) {
        this.datasetVersion = datasetVersion;
    }

    public SimilarityKind getSimilarity() {
        return similarity;
    }

    public void setSimilarity(SimilarityKind similarity) {
        this.similarity = similarity;
    }

    public Integer getEmbeddingDim() {
        return embeddingDim;
    }

    public void setEmbeddingDim(Integer embeddingDim) {
        this.embeddingDim = embeddingDim;
    }

    public Integer getItemCount() {
        return itemCount;
    }

    public void setItemCount(Integer itemCount) {
        this.itemCount = itemCount;
    }

    public Map<String, String> getChecksums() {
        return checksums;
    }

    public void setChecksums(Map<String, String> checksums) {
        this.checksums = checksums == null ? null : new TreeMap<>(checksums);
    }

    public Map<String, Double> getOfflineMetrics() {
        return offlineMetrics;
    }

    public void setOfflineMetrics(Map<String, Double> offlineMetrics) {
        this.offlineMetrics = offlineMetrics == null ? null : new TreeMap<>(offlineMetrics);
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public List<String> getAliases() {
        return aliases;
    }

    public void setAliases(List<String> aliases) {
        this.aliases = aliases;
    }

    public ArchiveRecord getArchived() {
        return archived;
    }

    public void setArchived(ArchiveRecord archived) {
        this.archived = archived;
    }

    @Override
    public List<Condition> getConditions() {
        return conditions;
    }

    @Override
    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
