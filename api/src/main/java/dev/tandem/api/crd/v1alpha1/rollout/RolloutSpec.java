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
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;

/** The pair to serve, how many pods serve it, where they run, and how a new pair replaces the old one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.strategy.blueGreen.previewReplicas <= self.replicas",
        message = "spec.strategy.blueGreen.previewReplicas must not exceed spec.replicas")
@ValidationRule(
        value = "self.serviceName == oldSelf.serviceName",
        message = "spec.serviceName cannot change; clients find the pair through it")
public class RolloutSpec {

    @Required
    @Pattern("^[a-z]([-a-z0-9]{0,53}[a-z0-9])?$")
    @JsonPropertyDescription(
            "Name of the Service clients call (TF Serving REST on port 8501, gRPC on 8500); it always points at the"
                    + " live pair. The candidate of a swap is reachable at <serviceName>-preview. A DNS label of at"
                    + " most 55 characters. Immutable.")
    private String serviceName;

    @Required
    @JsonPropertyDescription("The pair to serve. Changing it starts a blue/green swap to the new pair.")
    private PairRef pair;

    @Default("1")
    @Min(0)
    @Max(1000)
    @JsonPropertyDescription("Serving pods of the live pair. Default: 1.")
    private int replicas = 1;

    @Default("{}")
    @JsonPropertyDescription("CPU, memory and GPUs of each serving pod.")
    private ServingResources resources = new ServingResources();

    @JsonPropertyDescription("Node labels the serving pods must match (a Pod's nodeSelector), e.g. a GPU node pool or"
            + " nvidia.com/gpu.product.")
    private Map<String, String> nodeSelector;

    @JsonPropertyDescription(
            "Taints the serving pods tolerate (a Pod's tolerations), e.g. nvidia.com/gpu:NoSchedule on GPU nodes.")
    private List<Toleration> tolerations;

    @Default("{}")
    @JsonPropertyDescription("JVM and serving settings of the pods.")
    private ServingSettings serving = new ServingSettings();

    @Default("{}")
    @JsonPropertyDescription("How a new pair replaces the live one.")
    private Strategy strategy = new Strategy();

    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    public PairRef getPair() {
        return pair;
    }

    public void setPair(PairRef pair) {
        this.pair = pair;
    }

    public int getReplicas() {
        return replicas;
    }

    public void setReplicas(int replicas) {
        this.replicas = replicas;
    }

    public ServingResources getResources() {
        return resources;
    }

    public void setResources(ServingResources resources) {
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

    public ServingSettings getServing() {
        return serving;
    }

    public void setServing(ServingSettings serving) {
        this.serving = serving;
    }

    public Strategy getStrategy() {
        return strategy;
    }

    public void setStrategy(Strategy strategy) {
        this.strategy = strategy;
    }
}
