/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.rollout.AnalysisResult;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutPhase;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutStatus;
import dev.tandem.api.crd.v1alpha1.rollout.SwapRecord;
import dev.tandem.api.crd.v1alpha1.rollout.SwapResult;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutGaugesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RolloutGauges gauges = new RolloutGauges(registry);

    @Test
    void thePhaseGaugeIsOneForTheCurrentPhaseOnly() {
        Rollout rollout = rollout(RolloutPhase.Analyzing);

        gauges.observe(rollout);

        assertThat(phase("Analyzing")).isEqualTo(1);
        assertThat(phase("Healthy")).isZero();
        rollout.getStatus().setPhase(RolloutPhase.Healthy);
        gauges.observe(rollout);
        assertThat(phase("Analyzing")).isZero();
        assertThat(phase("Healthy")).isEqualTo(1);
    }

    @Test
    void theLastAnalysisAndPromotionAreGaugesAndNewVerdictsAreCounted() {
        Rollout rollout = rollout(RolloutPhase.Analyzing);
        rollout.getStatus().setLastAnalysis(analysis(true, "2026-12-05T10:00:00Z"));
        gauges.observe(rollout);
        assertThat(registry.find("tandem.operator.analyses").counters())
                .as("an analysis found at the first look is not counted again")
                .isEmpty();

        rollout.getStatus().setLastAnalysis(analysis(false, "2026-12-05T10:05:00Z"));
        SwapRecord promoted = new SwapRecord();
        promoted.setResult(SwapResult.Promoted);
        promoted.setFinishedAt("2026-12-05T10:01:00Z");
        rollout.getStatus().setHistory(List.of(promoted));
        gauges.observe(rollout);
        gauges.observe(rollout);

        assertThat(gauge("tandem.operator.analysis.p99")).isEqualTo(0.0125);
        assertThat(gauge("tandem.operator.analysis.recall.at10")).isEqualTo(0.97);
        assertThat(gauge("tandem.operator.analysis.passed")).isZero();
        assertThat(gauge("tandem.operator.rollout.last.promotion.timestamp"))
                .isEqualTo(Instant.parse("2026-12-05T10:01:00Z").getEpochSecond());
        assertThat(registry.get("tandem.operator.analyses")
                        .tag("verdict", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aDeletedRolloutsSeriesEnd() {
        Rollout rollout = rollout(RolloutPhase.Healthy);
        gauges.observe(rollout);

        gauges.forget(rollout);

        assertThat(registry.getMeters()).isEmpty();
    }

    private double phase(String phase) {
        return registry.get("tandem.operator.rollout.phase")
                .tag("namespace", "recs")
                .tag("rollout", "movies")
                .tag("phase", phase)
                .gauge()
                .value();
    }

    private double gauge(String name) {
        return registry.get(name).tag("rollout", "movies").gauge().value();
    }

    private static AnalysisResult analysis(boolean passed, String finishedAt) {
        AnalysisResult analysis = new AnalysisResult();
        analysis.setPassed(passed);
        analysis.setP99Millis(12.5);
        analysis.setRecallAt10(0.97);
        analysis.setFinishedAt(finishedAt);
        return analysis;
    }

    private static Rollout rollout(RolloutPhase phase) {
        Rollout rollout = new Rollout();
        rollout.setMetadata(
                new ObjectMetaBuilder().withNamespace("recs").withName("movies").build());
        RolloutStatus status = new RolloutStatus();
        status.setPhase(phase);
        rollout.setStatus(status);
        return rollout;
    }
}
