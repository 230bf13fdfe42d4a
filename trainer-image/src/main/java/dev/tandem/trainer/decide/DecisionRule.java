/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.decide;

import java.util.List;

/**
 * Who wins: against a champion, the candidate must exceed the mean of the champion's last N evaluations
 * (today's included) by more than the minimum gain, so one lucky or unlucky evaluation does not decide; with
 * no champion yet, it must exceed the popularity baseline on the same holdout by more than the minimum gain.
 */
public final class DecisionRule {

    private final String metric;
    private final int lastN;
    private final double minGain;

    public DecisionRule(String metric, int lastN, double minGain) {
        if (lastN < 1) {
            throw new IllegalArgumentException("last-n must be at least 1");
        }
        this.metric = metric;
        this.lastN = lastN;
        this.minGain = minGain;
    }

    /**
     * @param candidate the candidate's value
     * @param championVersion the champion's version
     * @param championHistory the champion's evaluations of this metric, oldest first, today's last
     */
    public Decision againstChampion(double candidate, String championVersion, List<Double> championHistory) {
        if (championHistory.isEmpty()) {
            throw new IllegalArgumentException("the champion has no evaluation of " + metric);
        }
        List<Double> recent =
                championHistory.subList(Math.max(0, championHistory.size() - lastN), championHistory.size());
        double mean = recent.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Decision(
                candidate - mean > minGain,
                metric,
                candidate,
                mean,
                "champion v" + championVersion + " (mean of last " + recent.size() + " evaluations)",
                List.copyOf(recent),
                minGain);
    }

    /** With no champion: the candidate against the popularity baseline. */
    public Decision againstBaseline(double candidate, double popularityBaseline) {
        return new Decision(
                candidate - popularityBaseline > minGain,
                metric,
                candidate,
                popularityBaseline,
                "popularity baseline",
                List.of(),
                minGain);
    }

    /** Accepts {@code recall@50} as well as MLflow's spelling {@code recall_at_50}. */
    public static String metricKey(String metric) {
        return metric.replace("@", "_at_").toLowerCase(java.util.Locale.ROOT);
    }
}
