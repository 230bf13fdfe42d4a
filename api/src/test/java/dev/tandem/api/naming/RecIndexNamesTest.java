/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecIndexNamesTest {

    @Test
    void mlflowIndexesLiveBesideTheBundleUnderTheRunsArtifacts() {
        assertThat(RecIndexNames.mlflowLocation(
                        "mlflow-artifacts:/1/0a1b/artifacts/bundle/", "recs", "movies-index", "0123456789abcdef"))
                .isEqualTo("mlflow-artifacts:/1/0a1b/artifacts/tandem-indexes/recs/movies-index-0123456789abcdef");
    }

    @Test
    void claimLocationsNameTheClaimAndThePathInIt() {
        assertThat(RecIndexNames.pvcLocation("indexes", RecIndexNames.claimPath("recs", "movies-index", "0123")))
                .isEqualTo("pvc://indexes/recs/movies-index/0123");
    }

    @Test
    void shortNamesAreLabelValuesAsTheyAre() {
        assertThat(RecIndexNames.recIndexLabel("movies-index")).isEqualTo("movies-index");
        assertThat(RecIndexNames.recIndexLabel("x".repeat(63))).isEqualTo("x".repeat(63));
        assertThat(RecIndexNames.recIndexLabel("x".repeat(64))).hasSize(63).matches("x+-[0-9a-f]{8}");
    }
}
