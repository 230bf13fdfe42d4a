/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.metrics;

import dev.tandem.api.crd.v1alpha1.rollout.AnalysisResult;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutPhase;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutStatus;
import dev.tandem.api.crd.v1alpha1.rollout.SwapRecord;
import dev.tandem.api.crd.v1alpha1.rollout.SwapResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each Rollout's status says, as gauges the dashboards read: its phase, the figures and verdict of its last
 * analysis, and when it last promoted a pair; plus a counter of analyses by verdict. Tagged with the Rollout's
 * {@code namespace} and {@code rollout}, registered when a Rollout is first reconciled and removed when it is deleted.
 */
@ApplicationScoped
public class RolloutGauges {

    private final MeterRegistry registry;
    private final Map<Key, Observed> observed = new ConcurrentHashMap<>();

    public RolloutGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Reads the Rollout's status, as just stored. */
    public void observe(Rollout rollout) {
        RolloutStatus status = rollout.getStatus();
        if (status == null) {
            return;
        }
        Key key = Key.of(rollout);
        Observed current = observed.computeIfAbsent(key, this::register);
        current.phase = status.getPhase();
        AnalysisResult analysis = status.getLastAnalysis();
        if (analysis != null) {
            current.p99Seconds = analysis.getP99Millis() == null ? Double.NaN : analysis.getP99Millis() / 1000;
            current.recallAt10 = analysis.getRecallAt10() == null ? Double.NaN : analysis.getRecallAt10();
            current.passed = analysis.isPassed() ? 1 : 0;
            // An analysis seen at the first look was counted by the operator that saw it finish, if any.
            if (current.seen && !Objects.equals(current.lastAnalysisFinishedAt, analysis.getFinishedAt())) {
                Counter.builder("tandem.operator.analyses")
                        .description("Analyses of candidate pairs that finished, by verdict")
                        .tags(key.tags())
                        .tag("verdict", analysis.isPassed() ? "passed" : "failed")
                        .register(registry)
                        .increment();
            }
            current.lastAnalysisFinishedAt = analysis.getFinishedAt();
        }
        current.lastPromotion = lastPromotion(status.getHistory());
        current.seen = true;
    }

    /** The Rollout is gone: its series end. */
    public void forget(Rollout rollout) {
        Observed gone = observed.remove(Key.of(rollout));
        if (gone != null) {
            gone.meters.forEach(registry::remove);
        }
        registry.getMeters().stream()
                .filter(m -> m.getId().getName().equals("tandem.operator.analyses"))
                .filter(m -> Key.of(rollout).matches(m))
                .toList()
                .forEach(registry::remove);
    }

    private Observed register(Key key) {
        Observed o = new Observed();
        for (RolloutPhase phase : RolloutPhase.values()) {
            o.meters.add(Gauge.builder("tandem.operator.rollout.phase", o, x -> x.phase == phase ? 1 : 0)
                    .description("1 for the Rollout's current phase, 0 for the others")
                    .tags(key.tags())
                    .tag("phase", phase.name())
                    .register(registry));
        }
        o.meters.add(Gauge.builder("tandem.operator.analysis.p99", o, x -> x.p99Seconds)
                .description("p99 latency of the smoke queries in the Rollout's last analysis")
                .baseUnit("seconds")
                .tags(key.tags())
                .register(registry));
        o.meters.add(Gauge.builder("tandem.operator.analysis.recall.at10", o, x -> x.recallAt10)
                .description("recall@10 of the served search against exact search in the Rollout's last analysis")
                .tags(key.tags())
                .register(registry));
        o.meters.add(Gauge.builder("tandem.operator.analysis.passed", o, x -> x.passed)
                .description("1 when the Rollout's last analysis passed, 0 when it failed")
                .tags(key.tags())
                .register(registry));
        o.meters.add(Gauge.builder("tandem.operator.rollout.last.promotion.timestamp", o, x -> x.lastPromotion)
                .description("When the Rollout last promoted a pair (Unix time)")
                .baseUnit("seconds")
                .tags(key.tags())
                .register(registry));
        return o;
    }

    private static double lastPromotion(List<SwapRecord> history) {
        if (history == null) {
            return Double.NaN;
        }
        return history.stream()
                .filter(r -> r.getResult() == SwapResult.Promoted && r.getFinishedAt() != null)
                .mapToDouble(r -> epochSeconds(r.getFinishedAt()))
                .max()
                .orElse(Double.NaN);
    }

    private static double epochSeconds(String timestamp) {
        try {
            return Instant.parse(timestamp).toEpochMilli() / 1000.0;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    private record Key(String namespace, String rollout) {
        static Key of(Rollout rollout) {
            return new Key(
                    rollout.getMetadata().getNamespace(), rollout.getMetadata().getName());
        }

        Tags tags() {
            return Tags.of("namespace", namespace, "rollout", rollout);
        }

        boolean matches(Meter meter) {
            return namespace.equals(meter.getId().getTag("namespace"))
                    && rollout.equals(meter.getId().getTag("rollout"));
        }
    }

    // Written by the reconcile of its Rollout (one at a time), read by scrapes.
    private static final class Observed {
        final List<Meter> meters = new ArrayList<>();
        volatile RolloutPhase phase;
        volatile double p99Seconds = Double.NaN;
        volatile double recallAt10 = Double.NaN;
        volatile double passed = Double.NaN;
        volatile double lastPromotion = Double.NaN;
        volatile String lastAnalysisFinishedAt;
        volatile boolean seen;
    }
}
