/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.common.ArchiveRecord;
import dev.tandem.api.crd.v1alpha1.recindex.IndexPhase;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexSpec;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexStatus;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelStatus;
import dev.tandem.api.crd.v1alpha1.rollout.PairRef;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutReason;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairResolverTest {

    private static final PairRef REF = new PairRef("movies", "movies-index");

    @Test
    void indexBuiltFromTheResolvedVersionMakesAPair() {
        PairResolution resolution = PairResolver.resolve(REF, model("4"), index("movies", "4", "feedbeef00112233"));

        assertThat(resolution.target()).get().satisfies(t -> {
            assertThat(t.pair()).isEqualTo("v4-feedbeef");
            assertThat(t.modelVersion()).isEqualTo("4");
            assertThat(t.modelName()).isEqualTo("movies-dnn");
            assertThat(t.indexLocation()).isEqualTo("mlflow-artifacts:/idx/feedbeef00112233");
        });
    }

    @Test
    void anIndexOfAnotherVersionIsNeverPairedWithTheModel() {
        PairResolution resolution = PairResolver.resolve(REF, model("5"), index("movies", "4", "feedbeef00112233"));

        assertThat(resolution.target()).isEmpty();
        assertThat(resolution.reason()).isEqualTo(RolloutReason.IndexOfAnotherVersion);
        assertThat(resolution.message()).contains("built from version 4").contains("resolved version 5");
    }

    @Test
    void whatIsMissingIsNamed() {
        assertThat(PairResolver.resolve(REF, null, null).reason()).isEqualTo(RolloutReason.ModelNotFound);
        assertThat(PairResolver.resolve(REF, model("4"), null).reason()).isEqualTo(RolloutReason.IndexNotFound);
        assertThat(PairResolver.resolve(REF, model("4"), index("books", "4", "k"))
                        .reason())
                .isEqualTo(RolloutReason.IndexOfAnotherModel);
        RecIndex building = index("movies", "4", "k");
        building.getStatus().setPhase(IndexPhase.Building);
        assertThat(PairResolver.resolve(REF, model("4"), building).reason()).isEqualTo(RolloutReason.IndexNotBuilt);
        RecIndex archivedIndex = index("movies", "4", "k");
        archivedIndex.getStatus().setPhase(IndexPhase.Archived);
        assertThat(PairResolver.resolve(REF, model("4"), archivedIndex).reason())
                .isEqualTo(RolloutReason.IndexArchived);
        RecModel archived = model("4");
        archived.getStatus().setArchived(new ArchiveRecord("LostOffline", "lost", "2026-12-02T00:00:00Z"));
        assertThat(PairResolver.resolve(REF, archived, index("movies", "4", "k"))
                        .reason())
                .isEqualTo(RolloutReason.ModelArchived);
        RecModel unverified = model("4");
        unverified.getStatus().setConditions(List.of());
        assertThat(PairResolver.resolve(REF, unverified, index("movies", "4", "k"))
                        .reason())
                .isEqualTo(RolloutReason.ModelNotReady);
    }

    private static RecModel model(String version) {
        RecModel model = new RecModel();
        model.setMetadata(
                new ObjectMetaBuilder().withName("movies").withNamespace("recs").build());
        RecModelSpec spec = new RecModelSpec();
        spec.setTrackingUri("http://mlflow:5000");
        spec.setRegisteredModel("movies-dnn");
        spec.setAlias("champion");
        model.setSpec(spec);
        RecModelStatus status = new RecModelStatus();
        status.setResolvedVersion(version);
        status.setConditions(List.of(
                new ConditionBuilder().withType("Ready").withStatus("True").build()));
        model.setStatus(status);
        return model;
    }

    private static RecIndex index(String modelRef, String version, String key) {
        RecIndex index = new RecIndex();
        index.setMetadata(new ObjectMetaBuilder()
                .withName("movies-index")
                .withNamespace("recs")
                .build());
        RecIndexSpec spec = new RecIndexSpec();
        spec.setModelRef(modelRef);
        index.setSpec(spec);
        RecIndexStatus status = new RecIndexStatus();
        status.setPhase(IndexPhase.Built);
        status.setModelVersion(version);
        status.setBuildKey(key);
        status.setLocation("mlflow-artifacts:/idx/" + key);
        index.setStatus(status);
        return index;
    }
}
