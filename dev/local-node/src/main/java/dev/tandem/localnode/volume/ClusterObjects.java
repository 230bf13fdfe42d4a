/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.volume;

import dev.tandem.localnode.launch.ObjectLookup;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import java.util.Optional;

/** The API objects a pod's environment and volumes are made from. */
public interface ClusterObjects extends ObjectLookup {

    Optional<PersistentVolumeClaim> persistentVolumeClaim(String namespace, String name);

    Optional<PersistentVolume> persistentVolume(String name);

    /** A token of the pod's service account, bound to the pod, as a projected volume asks for it. */
    String serviceAccountToken(Pod pod, ServiceAccountTokenProjection projection);
}
