/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.workload;

import dev.tandem.api.crd.v1alpha1.rollout.ServingResources;
import dev.tandem.api.image.TandemImage;
import dev.tandem.operator.config.OperatorConfig;

/**
 * The serving images the operator runs: the CPU one for index builds and CPU pods, the GPU one (TensorFlow's CUDA
 * kernels) for pods that ask for GPUs. Each is the operator's setting or, unset, the image of this operator's own
 * version ({@link TandemImage}).
 *
 * @param cpu the image of index build Jobs and of serving pods without GPUs
 * @param gpu the image of serving pods with {@code resources.gpus > 0}
 * @param pullPolicy the pull policy of both
 */
public record ServingImages(String cpu, String gpu, String pullPolicy) {

    /** The images the operator's settings name, this version's where a setting is unset. */
    public static ServingImages of(OperatorConfig config) {
        return new ServingImages(
                config.servingImage().orElse(TandemImage.SERVING.reference()),
                config.servingGpuImage().orElse(TandemImage.SERVING_GPU.reference()),
                config.imagePullPolicy());
    }

    /** The image of serving pods with these resources. */
    public String forServing(ServingResources resources) {
        return resources.getGpus() > 0 ? gpu : cpu;
    }
}
