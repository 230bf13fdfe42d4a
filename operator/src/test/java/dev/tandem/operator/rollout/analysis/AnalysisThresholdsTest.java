/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.rollout.Analysis;
import dev.tandem.operator.config.OperatorConfig.AnalysisDefaults;
import org.junit.jupiter.api.Test;

class AnalysisThresholdsTest {

    /** A platform whose house rules differ from every built-in default, so that each field shows where it came from. */
    private static final AnalysisDefaults HOUSE_RULES = new AnalysisDefaults() {
        @Override
        public int smokeQueries() {
            return 40;
        }

        @Override
        public int maxP99Millis() {
            return 80;
        }

        @Override
        public double minRecallAt10() {
            return 0.95;
        }

        @Override
        public int recallQueries() {
            return 300;
        }
    };

    @Test
    void aRolloutThatSetsNothingGetsTheOperatorsDefaults() {
        assertThat(AnalysisThresholds.of(new Analysis(), HOUSE_RULES))
                .isEqualTo(new AnalysisThresholds(40, 80, 0.95, 300));
        assertThat(AnalysisThresholds.of(null, HOUSE_RULES)).isEqualTo(new AnalysisThresholds(40, 80, 0.95, 300));
    }

    @Test
    void eachFieldARolloutSetsWinsOnItsOwn() {
        Analysis own = new Analysis();
        own.setMinRecallAt10(1.0);
        own.setSmokeQueries(7);

        assertThat(AnalysisThresholds.of(own, HOUSE_RULES)).isEqualTo(new AnalysisThresholds(7, 80, 1.0, 300));
    }

    @Test
    void aZeroRecallBarIsTheRolloutsChoiceNotAMissingValue() {
        Analysis own = new Analysis();
        own.setMinRecallAt10(0.0);

        assertThat(AnalysisThresholds.of(own, HOUSE_RULES).minRecallAt10()).isZero();
    }
}
