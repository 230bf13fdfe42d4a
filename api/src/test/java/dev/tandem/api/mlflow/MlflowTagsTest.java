/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MlflowTagsTest {

    @Test
    void onlyAVersionsOwnEvaluationFiguresAreMetrics() {
        assertThat(MlflowTags.evalMetric(MlflowTags.eval("recall_at_50"))).contains("recall_at_50");
        assertThat(MlflowTags.evalMetric(MlflowTags.evalBaseline("popularity", "recall_at_50")))
                .isEmpty();
        assertThat(MlflowTags.evalMetric(MlflowTags.EVAL_USERS)).isEmpty();
        assertThat(MlflowTags.evalMetric(MlflowTags.EVAL_DATASET_VERSION)).isEmpty();
        assertThat(MlflowTags.evalMetric(MlflowTags.DATASET_VERSION)).isEmpty();
        assertThat(MlflowTags.evalMetric(MlflowTags.EVAL_PREFIX)).isEmpty();
    }

    @Test
    void decisionDetailsLiveUnderTheDecisionTag() {
        assertThat(MlflowTags.decision("metric")).startsWith(MlflowTags.DECISION + ".");
        assertThat(MlflowTags.DECISION_REASON).startsWith(MlflowTags.DECISION + ".");
        assertThat(MlflowTags.Decision.REJECTED.is("rejected")).isTrue();
        assertThat(MlflowTags.Decision.REJECTED.is(null)).isFalse();
    }

    @Test
    void stagesAreSpelledAsMlflowSpellsThem() {
        assertThat(ModelStage.of("Production")).contains(ModelStage.Production);
        assertThat(ModelStage.of("production")).isEmpty();
        assertThat(ModelStage.Archived.is("Archived")).isTrue();
    }
}
