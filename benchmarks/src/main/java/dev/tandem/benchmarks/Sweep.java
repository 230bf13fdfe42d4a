/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import java.util.Comparator;
import java.util.List;

/** A search measured at increasing candidate counts, read off at a recall target. */
record Sweep(List<SweepPoint> points) {

    Sweep {
        points = points.stream()
                .sorted(Comparator.comparingInt(SweepPoint::candidates))
                .toList();
    }

    /**
     * Queries per second at the given recall: linear between the last point below the target and the first
     * that reaches it (recall rises with candidates, QPS falls), NaN where no point reaches it.
     */
    double qpsAt(double recall) {
        SweepPoint below = null;
        for (SweepPoint p : points) {
            if (p.recall() >= recall) {
                if (below == null || below.recall() >= p.recall()) {
                    return p.qps();
                }
                double t = (recall - below.recall()) / (p.recall() - below.recall());
                return below.qps() + t * (p.qps() - below.qps());
            }
            below = p;
        }
        return Double.NaN;
    }

    /** The first point that reaches the recall, or null. */
    SweepPoint firstReaching(double recall) {
        return points.stream().filter(p -> p.recall() >= recall).findFirst().orElse(null);
    }

    double bestRecall() {
        return points.stream().mapToDouble(SweepPoint::recall).max().orElse(0);
    }
}
