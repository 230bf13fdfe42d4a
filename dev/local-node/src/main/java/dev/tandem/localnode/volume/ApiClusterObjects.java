/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.volume;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/** {@link ClusterObjects} read from the API server. */
public final class ApiClusterObjects implements ClusterObjects {

    // A kubelet asks for this lifetime; the API server extends such tokens to a year for old clients' sake, so a
    // long-running pod here never needs its token refreshed.
    private static final long KUBELET_TOKEN_SECONDS = 3607;

    private final KubernetesClient client;

    public ApiClusterObjects(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(
                client.configMaps().inNamespace(namespace).withName(name).get());
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(
                client.secrets().inNamespace(namespace).withName(name).get());
    }

    @Override
    public Optional<PersistentVolumeClaim> persistentVolumeClaim(String namespace, String name) {
        return Optional.ofNullable(client.persistentVolumeClaims()
                .inNamespace(namespace)
                .withName(name)
                .get());
    }

    @Override
    public Optional<PersistentVolume> persistentVolume(String name) {
        return Optional.ofNullable(client.persistentVolumes().withName(name).get());
    }

    @Override
    public String serviceAccountToken(Pod pod, ServiceAccountTokenProjection projection) {
        String account = pod.getSpec().getServiceAccountName() == null
                ? "default"
                : pod.getSpec().getServiceAccountName();
        long seconds =
                projection.getExpirationSeconds() == null ? KUBELET_TOKEN_SECONDS : projection.getExpirationSeconds();
        TokenRequest request = new TokenRequestBuilder()
                .withNewSpec()
                .withAudiences(
                        projection.getAudience() == null
                                        || projection.getAudience().isEmpty()
                                ? List.of()
                                : List.of(projection.getAudience()))
                .withExpirationSeconds(seconds)
                .withNewBoundObjectRef()
                .withApiVersion("v1")
                .withKind("Pod")
                .withName(pod.getMetadata().getName())
                .withUid(pod.getMetadata().getUid())
                .endBoundObjectRef()
                .endSpec()
                .build();
        return client.serviceAccounts()
                .inNamespace(pod.getMetadata().getNamespace())
                .withName(account)
                .tokenRequest(request)
                .getStatus()
                .getToken();
    }
}
