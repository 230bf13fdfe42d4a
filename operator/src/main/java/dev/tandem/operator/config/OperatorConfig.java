/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The operator's settings ({@code tandem.operator.*} properties or {@code TANDEM_OPERATOR_*} variables). */
@ConfigMapping(prefix = "tandem.operator")
public interface OperatorConfig {

    /**
     * The serving image of index build Jobs and of serving pods without GPUs; unset, this version's
     * ({@code ghcr.io/tandem-dev/tandem-serving:<version>}, {@code TandemImage.SERVING}).
     */
    Optional<String> servingImage();

    /**
     * The serving image of pods with {@code resources.gpus > 0} (TensorFlow's CUDA 12 kernels); unset, this version's
     * ({@code ghcr.io/tandem-dev/tandem-serving-gpu:<version>}, {@code TandemImage.SERVING_GPU}).
     */
    Optional<String> servingGpuImage();

    /**
     * Whether serving pods carry {@code prometheus.io/scrape}, {@code /port} and {@code /path} annotations, for
     * Prometheus servers that discover pods by annotation. The chart turns it on.
     */
    @WithDefault("false")
    boolean servingScrapeAnnotations();

    /**
     * The secret MLflow signs webhook deliveries with ({@code X-MLflow-Signature}); the chart sets it from a Secret.
     * Nothing reads it yet: the operator has no webhook endpoint so far.
     */
    Optional<String> mlflowWebhookSecret();

    /** Pull policy of the images. */
    @WithDefault("IfNotPresent")
    String imagePullPolicy();

    /** Where bundles are downloaded to be verified; each is removed after its check. */
    @WithDefault("${java.io.tmpdir}/tandem-operator")
    Path workDir();

    /** How often a resource is looked at again when nothing else wakes it: aliases move, stages change in MLflow. */
    @WithDefault("60s")
    Duration resyncInterval();

    /** How often a resource in motion (a build, a swap) is looked at. */
    @WithDefault("5s")
    Duration progressInterval();

    /** How long one call to a serving pod during analysis may take. */
    @WithDefault("10s")
    Duration analysisRequestTimeout();
}
