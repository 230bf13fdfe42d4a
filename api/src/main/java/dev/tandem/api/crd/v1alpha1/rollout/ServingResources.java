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
import io.fabric8.kubernetes.api.model.Quantity;

/** What one serving pod gets. Memory is both request and limit: a JVM sized to its limit is never OOM-killed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServingResources {

    @JsonPropertyDescription("CPU request of each serving pod, e.g. \"2\" or 500m. Unset: no request.")
    private Quantity cpu;

    @JsonPropertyDescription(
            "CPU limit of each serving pod. Unset: no limit (the recommended setting for latency-bound JVMs).")
    private Quantity cpuLimit;

    @JsonPropertyDescription(
            "Memory request and limit of each serving pod, e.g. 4Gi. It must hold the JVM, the item embeddings and the"
                    + " graph of two pairs during an in-pod reload. Unset: no request or limit.")
    private Quantity memory;

    @Default("0")
    @Min(0)
    @Max(64)
    @JsonPropertyDescription(
            "GPUs per serving pod (0 to 64), requested and limited as gpuResourceName. 0 (default) schedules on CPU"
                    + " nodes.")
    private int gpus = 0;

    @Default("nvidia.com/gpu")
    @Pattern(
            "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")
    @JsonPropertyDescription(
            "The extended resource GPUs are counted in: nvidia.com/gpu (default), a MIG profile such as"
                    + " nvidia.com/mig-1g.10gb, or another vendor's (amd.com/gpu). It must be a domain-prefixed name.")
    private String gpuResourceName = "nvidia.com/gpu";

    public Quantity getCpu() {
        return cpu;
    }

    public void setCpu(Quantity cpu) {
        this.cpu = cpu;
    }

    public Quantity getCpuLimit() {
        return cpuLimit;
    }

    public void setCpuLimit(Quantity cpuLimit) {
        this.cpuLimit = cpuLimit;
    }

    public Quantity getMemory() {
        return memory;
    }

    public void setMemory(Quantity memory) {
        this.memory = memory;
    }

    public int getGpus() {
        return gpus;
    }

    public void setGpus(int gpus) {
        this.gpus = gpus;
    }

    public String getGpuResourceName() {
        return gpuResourceName;
    }

    public void setGpuResourceName(String gpuResourceName) {
        this.gpuResourceName = gpuResourceName;
    }
}
