/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operator.crd.v1alpha1.recindex.StorageType;
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

    @Test
    void theModelSituationWaitsForWhatAStoredIndexNeeds() {
        var index = Fixtures.index("movies-index");
        var model = Fixtures.readyModel("3");
        model.getStatus().setArtifactUri(null);

        assertThat(ModelSituation.of(index, model))
                .isInstanceOfSatisfying(
                        ModelSituation.Waiting.class,
                        w -> assertThat(w.reason()).isEqualTo("ModelNotReady"));

        index.getSpec().getStorage().setType(StorageType.PERSISTENT_VOLUME_CLAIM);
        index.getSpec().getStorage().setClaimName("indexes");
        assertThat(ModelSituation.of(index, model)).isInstanceOf(ModelSituation.Buildable.class);
        assertThat(ModelSituation.of(index, Fixtures.archivedModel("3"))).isInstanceOf(ModelSituation.Archived.class);
    }
}
