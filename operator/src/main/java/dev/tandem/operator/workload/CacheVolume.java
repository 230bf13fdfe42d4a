/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.workload;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * The scratch volume where serving pods and build Jobs download bundles and indexes: an emptyDir, so a pod's downloads
 * go with the pod and never fill the image's filesystem.
 */
public final class CacheVolume {

    /** Where it is mounted; the serving image's {@code cache-dir} and build-index's {@code --cache-dir} point here. */
    public static final String MOUNT_PATH = "/var/cache/tandem";

    private static final String NAME = "cache";

    private CacheVolume() {}

    /** The pod's volume. */
    public static Volume volume() {
        return new VolumeBuilder()
                .withName(NAME)
                .withNewEmptyDir()
                .endEmptyDir()
                .build();
    }

    /** The container's mount of it. */
    public static VolumeMount mount() {
        return new VolumeMountBuilder().withName(NAME).withMountPath(MOUNT_PATH).build();
    }
}
