/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout.analysis;

import dev.tandem.api.crd.v1alpha1.rollout.Analysis;
import dev.tandem.operator.config.OperatorConfig.AnalysisDefaults;
import java.util.Objects;

/**
 * The thresholds one analysis runs with: each the Rollout's own, or the operator's default where the Rollout leaves it
 * unset.
 *
 * @param smokeQueries predict requests per preview pod
 * @param maxP99Millis the highest p99 latency of the smoke queries
 * @param minRecallAt10 the lowest recall@10 against exact search
 * @param recallQueries probe user vectors of the recall check
 */
public record AnalysisThresholds(int smokeQueries, int maxP99Millis, double minRecallAt10, int recallQueries) {

    public static AnalysisThresholds of(Analysis spec, AnalysisDefaults defaults) {
        Analysis own = spec == null ? new Analysis() : spec;
        return new AnalysisThresholds(
                Objects.requireNonNullElse(own.getSmokeQueries(), defaults.smokeQueries()),
                Objects.requireNonNullElse(own.getMaxP99Millis(), defaults.maxP99Millis()),
                Objects.requireNonNullElse(own.getMinRecallAt10(), defaults.minRecallAt10()),
                Objects.requireNonNullElse(own.getRecallQueries(), defaults.recallQueries()));
    }
}
