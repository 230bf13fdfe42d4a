/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.api.crd.v1alpha1.recindex.MipsKind;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import org.junit.jupiter.api.Test;

class IndexArtifactsTest {

    private final RecIndex index = Fixtures.index("movies-index");
    private final BuildPlan plan = Fixtures.plan(index, Fixtures.readyModel("3"));

    /** An index manifest as build-index writes it. */
    private static JsonNode manifest(String version, String vectors, int maxDegree) throws Exception {
        return new ObjectMapper().readTree("""
                {"formatVersion": 1, "modelName": "youtube-dnn", "modelVersion": "%s",
                 "itemIdsSha256": "%s", "itemVectorsSha256": "%s", "itemCount": 500, "embeddingDim": 16,
                 "similarity": "dot", "reduction": "mobius", "maxItemNorm": 1.12,
                 "params": {"maxDegree": %d, "beamWidth": 200, "overquery": 10, "neighborOverflow": 1.2, "alpha": 1.2},
                 "buildSeconds": 0.846501196, "probeQueries": 1000, "probeRecallAt10": 0.991,
                 "createdAt": "2026-12-02T07:30:22.539501705Z", "files": {}}
                """.formatted(version, "b".repeat(64), vectors, maxDegree));
    }

    @Test
    void theManifestOfTheIndexThePlanAsksForGivesItsFigures() throws Exception {
        var found = IndexArtifacts.asBuilt(
                        manifest("3", Fixtures.VECTORS_SHA, 32),
                        plan,
                        index.getSpec().getHnsw())
                .orElseThrow();

        assertThat(found.figures())
                .isEqualTo(new BuildSummary.Built(
                        "youtube-dnn", "3", 500, 16, 0.847, 1000, 0.991, Fixtures.VECTORS_SHA, plan.location()));
        assertThat(found.createdAt()).isEqualTo("2026-12-02T07:30:22Z");
    }

    @Test
    void anIndexOfAnotherVersionEmbeddingsOrParametersIsNotTaken() throws Exception {
        var hnsw = index.getSpec().getHnsw();

        assertThat(IndexArtifacts.asBuilt(manifest("2", Fixtures.VECTORS_SHA, 32), plan, hnsw))
                .isEmpty();
        assertThat(IndexArtifacts.asBuilt(manifest("3", "e".repeat(64), 32), plan, hnsw))
                .isEmpty();
        assertThat(IndexArtifacts.asBuilt(manifest("3", Fixtures.VECTORS_SHA, 16), plan, hnsw))
                .isEmpty();
        hnsw.setMips(MipsKind.EXTRA_DIMENSION);
        assertThat(IndexArtifacts.asBuilt(manifest("3", Fixtures.VECTORS_SHA, 32), plan, hnsw))
                .isEmpty();
    }
}
