/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recindex;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;

/** What the index build Job may use. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BuildSpec {

    @Min(1)
    @Max(256)
    @JsonPropertyDescription("Threads that build the graph. Default: the CPU limit, or the CPU request, or 2.")
    private Integer threads;

    @Default("1000")
    @Min(1)
    @Max(10000)
    @JsonPropertyDescription(
            "User vectors the build's recall probe measures recall@10 with, against exact search. Default: 1000.")
    private int probeQueries = 1000;

    @JsonPropertyDescription(
            "CPU and memory of the build container (requests and limits, as in a Pod). A build holds the embeddings"
                    + " and the graph in memory: about items × (dim × 4 + maxDegree × 8) bytes plus the JVM.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Node labels the build pod must match, as a Pod's nodeSelector.")
    private Map<String, String> nodeSelector;

    @JsonPropertyDescription("Taints the build pod tolerates, as a Pod's tolerations.")
    private List<Toleration> tolerations;

    @Min(60)
    @JsonPropertyDescription(
            "Seconds the build may take before it is stopped and the RecIndex reports BuildTimedOut. Default: 3600.")
    private Integer activeDeadlineSeconds;

    public Integer getThreads() {
        return threads;
    }

    public void setThreads(Integer threads) {
        this.threads = threads;
    }

    public int getProbeQueries() {
        return probeQueries;
    }

    public void setProbeQueries(int probeQueries) {
        this.probeQueries = probeQueries;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public List<Toleration> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<Toleration> tolerations) {
        this.tolerations = tolerations;
    }

    public Integer getActiveDeadlineSeconds() {
        return activeDeadlineSeconds;
    }

    public void setActiveDeadlineSeconds(Integer activeDeadlineSeconds) {
        this.activeDeadlineSeconds = activeDeadlineSeconds;
    }
}
