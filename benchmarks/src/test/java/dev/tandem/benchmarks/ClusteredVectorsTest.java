/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The synthetic set is reproducible and has the spread norms that make inner-product search hard. */
class ClusteredVectorsTest {

    private final ClusteredVectors spec = new ClusteredVectors(2_000, 16, 20, 0.7, 42);

    @Test
    void sameSeedSameVectors() {
        assertThat(spec.itemVectors()).isEqualTo(spec.itemVectors());
        assertThat(new ClusteredVectors(2_000, 16, 20, 0.7, 43).itemVectors()).isNotEqualTo(spec.itemVectors());
    }

    @Test
    void moreQueriesKeepTheFirstOnes() {
        float[] few = spec.queryVectors(10);
        assertThat(Arrays.copyOf(spec.queryVectors(100), few.length)).isEqualTo(few);
    }

    @Test
    void itemNormsSpreadByAnOrderOfMagnitude() {
        float[] v = spec.itemVectors();
        double[] norms = new double[spec.items()];
        for (int row = 0; row < norms.length; row++) {
            double s = 0;
            for (int k = 0; k < spec.dim(); k++) {
                s += v[row * spec.dim() + k] * v[row * spec.dim() + k];
            }
            norms[row] = Math.sqrt(s);
        }
        Arrays.sort(norms);
        assertThat(norms[norms.length * 95 / 100] / norms[norms.length * 5 / 100])
                .isGreaterThan(5);
    }

    @Test
    void qpsAtRecallInterpolatesBetweenTheSweepPoints() {
        Sweep sweep = new Sweep(java.util.List.of(
                new SweepPoint(20, 0.90, 4000), new SweepPoint(10, 0.80, 8000), new SweepPoint(40, 1.0, 2000)));
        assertThat(sweep.qpsAt(0.95)).isEqualTo(3000, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(sweep.qpsAt(0.5)).isEqualTo(8000);
        assertThat(new Sweep(java.util.List.of(new SweepPoint(10, 0.8, 1))).qpsAt(0.95))
                .isNaN();
    }
}
