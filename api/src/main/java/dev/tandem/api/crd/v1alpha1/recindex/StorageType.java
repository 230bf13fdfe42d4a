/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recindex;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an index is kept. */
public enum StorageType {
    /** The MLflow artifact store, through the tracking server's artifact proxy. */
    @JsonProperty("MLflow")
    MLFLOW,
    /** A PersistentVolumeClaim mounted by the build Job and the serving pods. */
    @JsonProperty("PersistentVolumeClaim")
    PERSISTENT_VOLUME_CLAIM
}
