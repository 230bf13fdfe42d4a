/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether the node can run a pod at all. Pods that ask for a resource the node does not have (GPUs above
 * all: processes here get no device) are refused the way a kubelet refuses them, with reason
 * {@code OutOf<resource>}. Such pods only arrive when they name the node directly, since the scheduler sees the node's
 * capacity too.
 */
public final class PodAdmission {

    private static final Set<String> PROCESS_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");

    private final String nodeName;
    private final Map<String, Quantity> capacity;

    /**
     * @param nodeName the node's name, for messages
     * @param capacity what the node reports as its capacity
     */
    public PodAdmission(String nodeName, Map<String, Quantity> capacity) {
        this.nodeName = nodeName;
        this.capacity = Map.copyOf(capacity);
    }

    /** The rejection, or empty when the pod may run. */
    public Optional<Rejection> check(Pod pod) {
        List<Container> containers = new ArrayList<>(pod.getSpec().getContainers());
        if (pod.getSpec().getInitContainers() != null) {
            containers.addAll(pod.getSpec().getInitContainers());
        }
        for (Container container : containers) {
            for (String resource : requested(container.getResources())) {
                if (PROCESS_RESOURCES.contains(resource) || capacity.containsKey(resource)) {
                    continue;
                }
                String hint = resource.startsWith("nvidia.com/")
                        ? "; GPU pods belong on the simulated GPU nodes (label nvidia.com/gpu.present=true)"
                        : "";
                return Optional.of(new Rejection(
                        "OutOf" + resource,
                        "Pod was rejected: " + nodeName + " runs pods as host processes and has no " + resource
                                + " (container " + container.getName() + " asks for it)" + hint));
            }
        }
        return Optional.empty();
    }

    private static Set<String> requested(ResourceRequirements resources) {
        if (resources == null) {
            return Set.of();
        }
        TreeSet<String> names = new TreeSet<>();
        if (resources.getRequests() != null) {
            resources.getRequests().forEach((name, q) -> addIfPositive(names, name, q));
        }
        if (resources.getLimits() != null) {
            resources.getLimits().forEach((name, q) -> addIfPositive(names, name, q));
        }
        return names;
    }

    private static void addIfPositive(Set<String> names, String name, Quantity quantity) {
        if (Quantity.getAmountInBytes(quantity).signum() > 0) {
            names.add(name);
        }
    }
}
