/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;

/**
 * Changes a resource the way {@code kubectl patch --type merge} does: only the named fields, with no resourceVersion.
 * A test's change to a spec must not race the operator's status writes: fabric8's {@code edit} sends the
 * resourceVersion it read, and the API server refuses it with 409 Conflict when a status write landed in between.
 */
public final class MergePatch {

    private MergePatch() {}

    /**
     * Applies {@code patch} (a JSON merge patch as nested maps, e.g. {@code Map.of("spec", Map.of("replicas", 2))}) to
     * the named resource.
     */
    public static <T extends HasMetadata> T apply(
            KubernetesClient client, Class<T> type, String namespace, String name, Map<String, ?> patch) {
        return client.resources(type)
                .inNamespace(namespace)
                .withName(name)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        client.getKubernetesSerialization().asJson(patch));
    }
}
