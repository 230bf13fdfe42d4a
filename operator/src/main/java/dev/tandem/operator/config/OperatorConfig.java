/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.config;

import dev.tandem.chat.ChatNotifier;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
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
     * The MLflow tracking server of RecModels whose {@code spec.trackingUri} is unset; the operator writes it into
     * their spec once. Unset: every RecModel must name its own.
     */
    Optional<URI> mlflowTrackingUri();

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

    /** Where the operator tells people how swaps end ({@code tandem.operator.notifications.*}). */
    Notifications notifications();

    /** A chat webhook for swap outcomes; without a URL, nothing is sent. */
    interface Notifications {

        /**
         * A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat, Teams' Slack connector) or
         * {@code https://api.telegram.org/bot<token>/sendMessage}. It holds a credential: the chart takes it from a
         * Secret.
         */
        Optional<URI> url();

        /** The body the webhook expects. */
        @WithDefault("SLACK")
        ChatNotifier.Format format();

        /** The chat that Telegram messages go to; required for {@code TELEGRAM}. */
        Optional<String> telegramChatId();
    }

    /** The analysis thresholds of Rollouts that leave them unset ({@code tandem.operator.analysis.*}). */
    AnalysisDefaults analysis();

    /** A platform's house rules for candidates; each is what {@code Analysis} documents for the same field. */
    interface AnalysisDefaults {

        @WithDefault("100")
        int smokeQueries();

        @WithDefault("250")
        int maxP99Millis();

        @WithDefault("0.9")
        double minRecallAt10();

        @WithDefault("200")
        int recallQueries();
    }
}
