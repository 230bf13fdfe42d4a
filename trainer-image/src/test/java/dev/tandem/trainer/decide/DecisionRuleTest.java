/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionRuleTest {

    private final DecisionRule rule = new DecisionRule("recall_at_50", 3, 0.0);

    @Test
    void candidateMustBeatTheMeanOfTheChampionsLastNEvaluations() {
        // Older evaluations fall out: mean of 0.30, 0.32, 0.34 = 0.32.
        List<Double> history = List.of(0.10, 0.30, 0.32, 0.34);

        Decision win = rule.againstChampion(0.33, "4", history);
        Decision lose = rule.againstChampion(0.31, "4", history);

        assertThat(win.promote()).isTrue();
        assertThat(win.referenceValue()).isCloseTo(0.32, within(1e-12));
        assertThat(win.referenceHistory()).containsExactly(0.30, 0.32, 0.34);
        assertThat(lose.promote()).isFalse();
        assertThat(lose.reason()).isEqualTo("recall_at_50 0.3100 <= champion v4 (mean of last 3 evaluations) 0.3200");
    }

    @Test
    void aTieIsNotAWinAndMinGainRaisesTheBar() {
        assertThat(rule.againstChampion(0.32, "1", List.of(0.32)).promote()).isFalse();
        DecisionRule strict = new DecisionRule("recall_at_50", 3, 0.02);
        assertThat(strict.againstChampion(0.335, "1", List.of(0.32)).promote()).isFalse();
        assertThat(strict.againstChampion(0.345, "1", List.of(0.32)).promote()).isTrue();
        assertThat(strict.againstChampion(0.345, "1", List.of(0.32)).reason()).endsWith("+ min gain 0.0200");
    }

    @Test
    void fewerEvaluationsThanNAreAllUsed() {
        assertThat(rule.againstChampion(0.5, "2", List.of(0.4, 0.6)).referenceValue())
                .isCloseTo(0.5, within(1e-12));
        assertThatThrownBy(() -> rule.againstChampion(0.5, "2", List.of())).hasMessageContaining("no evaluation");
    }

    @Test
    void withoutAChampionThePopularityBaselineIsTheBar() {
        Decision decision = rule.againstBaseline(0.25, 0.20);
        assertThat(decision.promote()).isTrue();
        assertThat(decision.reason()).isEqualTo("recall_at_50 0.2500 > popularity baseline 0.2000");
        assertThat(rule.againstBaseline(0.19, 0.20).promote()).isFalse();
    }

    @Test
    void metricNamesAcceptTheAtSpelling() {
        assertThat(DecisionRule.metricKey("recall@50")).isEqualTo("recall_at_50");
        assertThat(DecisionRule.metricKey("NDCG@10")).isEqualTo("ndcg_at_10");
    }
}
