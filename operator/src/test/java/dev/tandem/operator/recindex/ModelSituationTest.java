/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.recindex.RecIndexReason;
import dev.tandem.api.crd.v1alpha1.recindex.StorageType;
import org.junit.jupiter.api.Test;

class ModelSituationTest {

    @Test
    void theModelSituationWaitsForWhatAStoredIndexNeeds() {
        var index = Fixtures.index("movies-index");
        var model = Fixtures.readyModel("3");
        model.getStatus().setArtifactUri(null);

        assertThat(ModelSituation.of(index, model))
                .isInstanceOfSatisfying(
                        ModelSituation.Waiting.class,
                        w -> assertThat(w.reason()).isEqualTo(RecIndexReason.ModelNotReady));

        index.getSpec().getStorage().setType(StorageType.PERSISTENT_VOLUME_CLAIM);
        index.getSpec().getStorage().setClaimName("indexes");
        assertThat(ModelSituation.of(index, model)).isInstanceOf(ModelSituation.Buildable.class);
        assertThat(ModelSituation.of(index, Fixtures.archivedModel("3"))).isInstanceOf(ModelSituation.Archived.class);
    }
}
