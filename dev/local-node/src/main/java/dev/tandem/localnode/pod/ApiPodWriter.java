/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link PodApi} on the API server. */
public final class ApiPodWriter implements PodApi {

    private static final Logger LOG = LoggerFactory.getLogger(ApiPodWriter.class);
    // Pod-level fields that must be cleared, not kept, when this node has nothing to say about them.
    private static final List<String> CLEARED_WHEN_ABSENT = List.of("reason", "message", "podIP", "podIPs");

    private static final Duration EVENT_INTERVAL = Duration.ofSeconds(5);

    private final Map<String, Instant> lastEvents = new ConcurrentHashMap<>();
    private final KubernetesClient client;
    private final KubernetesSerialization json;
    private final String nodeName;

    public ApiPodWriter(KubernetesClient client, String nodeName) {
        this.client = client;
        this.json = client.getKubernetesSerialization();
        this.nodeName = nodeName;
    }

    @Override
    public boolean writeStatus(Pod pod, PodStatus status) {
        ObjectNode statusNode = json.convertValue(status, ObjectNode.class);
        for (String field : CLEARED_WHEN_ABSENT) {
            if (!statusNode.has(field)) {
                statusNode.putNull(field);
            }
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.set("status", statusNode);
        return mergePatch(pod, true, json.asJson(patch));
    }

    @Override
    public boolean annotate(Pod pod, Map<String, String> annotations) {
        return mergePatch(pod, false, json.asJson(Map.of("metadata", Map.of("annotations", annotations))));
    }

    // A JSON merge patch of the pod (or of its status subresource); false when the pod is already gone.
    private boolean mergePatch(Pod pod, boolean status, String patch) {
        var resource = client.pods()
                .inNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName());
        try {
            (status ? resource.subresource("status") : resource).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void deleteFinished(Pod pod) {
        // The UID precondition keeps a pod created again under the same name (a StatefulSet's) from being deleted.
        String body = json.asJson(Map.of(
                "apiVersion",
                "v1",
                "kind",
                "DeleteOptions",
                "gracePeriodSeconds",
                0,
                "preconditions",
                Map.of("uid", pod.getMetadata().getUid())));
        URI uri = URI.create(client.getMasterUrl().toString().replaceAll("/$", "") + "/api/v1/namespaces/"
                + pod.getMetadata().getNamespace() + "/pods/"
                + pod.getMetadata().getName());
        HttpClient http = client.getHttpClient();
        HttpRequest request = http.newHttpRequestBuilder()
                .uri(uri)
                .delete("application/json", body)
                .build();
        try {
            HttpResponse<String> response =
                    http.sendAsync(request, String.class).get(30, TimeUnit.SECONDS);
            if (response.code() >= 300 && response.code() != 404 && response.code() != 409) {
                LOG.warn("deleting pod {} answered {}: {}", PodWorker.describe(pod), response.code(), response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("cannot delete pod {}: {}", PodWorker.describe(pod), e.toString());
        }
    }

    @Override
    public void event(Pod pod, String container, String type, String reason, String message) {
        // A probe that fails every second would otherwise write an Event every second.
        String key = pod.getMetadata().getUid() + "/" + container + "/" + reason;
        Instant at = Instant.now();
        Instant last = lastEvents.get(key);
        if (last != null && Duration.between(last, at).compareTo(EVENT_INTERVAL) < 0) {
            return;
        }
        lastEvents.put(key, at);
        if (lastEvents.size() > 10_000) {
            lastEvents.clear();
        }
        String now = PodStatusAssembler.timestamp(at);
        Event event = new EventBuilder()
                .withNewMetadata()
                .withName(pod.getMetadata().getName() + "."
                        + UUID.randomUUID().toString().substring(0, 13))
                .withNamespace(pod.getMetadata().getNamespace())
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion("v1")
                .withKind("Pod")
                .withName(pod.getMetadata().getName())
                .withNamespace(pod.getMetadata().getNamespace())
                .withUid(pod.getMetadata().getUid())
                .withFieldPath(container == null ? null : "spec.containers{" + container + "}")
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withNewSource("kubelet", nodeName)
                .withReportingComponent("kubelet")
                .withReportingInstance(nodeName)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .build();
        try {
            client.v1()
                    .events()
                    .inNamespace(pod.getMetadata().getNamespace())
                    .resource(event)
                    .create();
        } catch (KubernetesClientException e) {
            // Events are for people reading `kubectl describe`; losing one (a namespace being deleted) is fine.
            LOG.debug("event {} for pod {} not recorded: {}", reason, PodWorker.describe(pod), e.getMessage());
        }
    }
}
