/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's presence in the cluster, kept as a kubelet keeps it: the Node object (labels, taint, pod CIDR,
 * capacity, addresses, conditions) and its Lease in {@code kube-node-lease}, renewed every few seconds, which the
 * node lifecycle controller reads as the heartbeat.
 */
public final class NodeRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistration.class);
    static final String LEASE_NAMESPACE = "kube-node-lease";
    static final int LEASE_SECONDS = 40;

    private final KubernetesClient client;
    private final NodeSettings settings;
    private String readySince;

    public NodeRegistration(KubernetesClient client, NodeSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Creates the Node, or brings an existing one up to date, and reports it Ready. */
    public Node register(Instant now) {
        Node existing = client.nodes().withName(settings.name()).get();
        if (existing != null && !settings.podCidr().equals(existing.getSpec().getPodCIDR())) {
            // A Node's pod CIDR cannot change; the node is ours, so it is registered afresh with the new range.
            LOG.info(
                    "node {} had pod range {}, now {}: registering it again",
                    settings.name(),
                    existing.getSpec().getPodCIDR(),
                    settings.podCidr());
            client.nodes().withName(settings.name()).withGracePeriod(0).delete();
            client.nodes().withName(settings.name()).waitUntilCondition(n -> n == null, 30, TimeUnit.SECONDS);
            existing = null;
        }
        Node node;
        if (existing == null) {
            node = client.nodes().resource(desiredNode()).create();
        } else {
            Map<String, Object> metadata = Map.of("labels", labels(), "annotations", annotations());
            Map<String, Object> spec = Map.of("taints", taints(existing));
            node = client.nodes()
                    .withName(settings.name())
                    .patch(
                            PatchContext.of(PatchType.JSON_MERGE),
                            client.getKubernetesSerialization().asJson(Map.of("metadata", metadata, "spec", spec)));
        }
        readySince = timestamp(now);
        reportStatus(true, "KubeletReady", "kubelet is posting ready status", now);
        renewLease(node, now);
        return node;
    }

    /** Renews the lease; the node lifecycle controller marks the node unreachable when it stops. */
    public void renewLease(Instant now) {
        Node node = client.nodes().withName(settings.name()).get();
        if (node == null) {
            // Someone deleted the Node: register again, as a kubelet does.
            register(now);
            return;
        }
        renewLease(node, now);
    }

    /** Writes the node's status: capacity, addresses, and the Ready condition as given. */
    public void reportStatus(boolean ready, String reason, String message, Instant now) {
        String time = timestamp(now);
        if (ready && readySince == null) {
            readySince = time;
        }
        List<NodeCondition> conditions = List.of(
                condition(
                        "MemoryPressure",
                        "False",
                        "KubeletHasSufficientMemory",
                        "kubelet has sufficient memory available",
                        time,
                        readySince),
                condition(
                        "DiskPressure",
                        "False",
                        "KubeletHasNoDiskPressure",
                        "kubelet has no disk pressure",
                        time,
                        readySince),
                condition(
                        "PIDPressure",
                        "False",
                        "KubeletHasSufficientPID",
                        "kubelet has sufficient PID available",
                        time,
                        readySince),
                condition("Ready", ready ? "True" : "False", reason, message, time, ready ? readySince : time));
        NodeStatus status = new NodeStatusBuilder()
                .withCapacity(settings.capacity())
                .withAllocatable(settings.capacity())
                .withConditions(conditions)
                .addNewAddress(settings.hostIp(), "InternalIP")
                .addNewAddress(settings.name(), "Hostname")
                .withNewNodeInfo()
                .withArchitecture("amd64")
                .withOperatingSystem("linux")
                .withOsImage(System.getProperty("os.name") + " (processes)")
                .withKernelVersion(System.getProperty("os.version"))
                .withKubeletVersion(settings.kubeletVersion())
                .withKubeProxyVersion("")
                .withContainerRuntimeVersion("process://tandem-local-node")
                .withMachineID("")
                .withSystemUUID("")
                .withBootID("")
                .endNodeInfo()
                .withNewDaemonEndpoints()
                .withNewKubeletEndpoint(0)
                .endDaemonEndpoints()
                .build();
        if (!ready) {
            readySince = null;
        }
        client.nodes()
                .withName(settings.name())
                .subresource("status")
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        client.getKubernetesSerialization().asJson(Map.of("status", status)));
    }

    private void renewLease(Node node, Instant now) {
        ZonedDateTime renewed = ZonedDateTime.ofInstant(now.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        Lease lease = new LeaseBuilder()
                .withNewMetadata()
                .withName(settings.name())
                .withNamespace(LEASE_NAMESPACE)
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("v1")
                        .withKind("Node")
                        .withName(node.getMetadata().getName())
                        .withUid(node.getMetadata().getUid())
                        .build())
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity(settings.name())
                .withLeaseDurationSeconds(LEASE_SECONDS)
                .withRenewTime(renewed)
                .endSpec()
                .build();
        client.resources(Lease.class)
                .inNamespace(LEASE_NAMESPACE)
                .resource(lease)
                .serverSideApply();
    }

    private Node desiredNode() {
        NodeBuilder node = new NodeBuilder()
                .withNewMetadata()
                .withName(settings.name())
                .withLabels(labels())
                .withAnnotations(annotations())
                .endMetadata()
                .withNewSpec()
                .withPodCIDR(settings.podCidr())
                .withPodCIDRs(settings.podCidr())
                .withTaints(taints(null))
                .endSpec();
        return node.build();
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("kubernetes.io/hostname", settings.name());
        labels.put("kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        labels.put("node.kubernetes.io/instance-type", "local-processes");
        labels.put(NodeSettings.LOCAL_NODE_LABEL, "true");
        return labels;
    }

    // Without this annotation the node controller keeps no TTL for it; with 0 nothing caches secrets by TTL.
    private static Map<String, String> annotations() {
        return Map.of("node.alpha.kubernetes.io/ttl", "0");
    }

    /** The node's own taint, added to (or removed from) whatever taints others put on the node. */
    private List<Taint> taints(Node existing) {
        List<Taint> taints = new ArrayList<>();
        if (existing != null && existing.getSpec().getTaints() != null) {
            existing.getSpec().getTaints().stream()
                    .filter(t -> !t.getKey().equals(NodeSettings.LOCAL_NODE_LABEL))
                    .forEach(taints::add);
        }
        if (settings.taint()) {
            taints.add(new TaintBuilder()
                    .withKey(NodeSettings.LOCAL_NODE_LABEL)
                    .withValue("true")
                    .withEffect("NoSchedule")
                    .build());
        }
        return taints;
    }

    private static NodeCondition condition(
            String type, String status, String reason, String message, String heartbeat, String since) {
        return new NodeConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastHeartbeatTime(heartbeat)
                .withLastTransitionTime(since == null ? heartbeat : since)
                .build();
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
