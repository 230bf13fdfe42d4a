/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The serving runtime's Prometheus metrics: per-stage latency histograms, requests by route and status code,
 * and the share of the catalog each search had to filter out. Version states and index sizes are gauges
 * registered by the model registry.
 */
public final class ServingMetrics {

    private final MeterRegistry registry;
    private final Map<Stage, Timer> stages = new EnumMap<>(Stage.class);
    private final DistributionSummary filtered;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private volatile LongSupplier servedVersion = () -> -1;

    public ServingMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Stage stage : Stage.values()) {
            stages.put(
                    stage,
                    Timer.builder("tandem.serving.stage")
                            .description("Latency of one stage of a request")
                            .tag("stage", stage.tag())
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofMillis(1).dividedBy(20))
                            .maximumExpectedValue(Duration.ofSeconds(2))
                            .register(registry));
        }
        this.filtered = DistributionSummary.builder("tandem.serving.filter.excluded.ratio")
                .description("Share of the catalog a search was told to skip (history and exclusions)")
                .serviceLevelObjectives(0.0001, 0.001, 0.01, 0.1, 0.5)
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void stage(Stage stage, long nanos) {
        stages.get(stage).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void excludedRatio(double ratio) {
        filtered.record(ratio);
    }

    /** Where requests learn the version the pod serves when they are answered (their {@code version} tag). */
    public void servedVersion(LongSupplier version) {
        this.servedVersion = version;
    }

    /**
     * Counts one answered request; {@code code} is the HTTP status (gRPC requests are mapped to one). Its
     * {@code version} is the version the pod served then ({@code -1} before the first load).
     */
    public void request(String route, int code) {
        String version = Long.toString(servedVersion.getAsLong());
        requests.computeIfAbsent(
                        route + " " + code + " " + version,
                        key -> Counter.builder("tandem.serving.requests")
                                .description("Requests answered, by route, status code and the version served")
                                .tag("route", route)
                                .tag("code", Integer.toString(code))
                                .tag("version", version)
                                .register(registry))
                .increment();
    }
}
