/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.api.crd.v1alpha1.recmodel.SimilarityKind;
import dev.tandem.bundle.BundleLayout;
import dev.tandem.bundle.BundleManifest;
import dev.tandem.bundle.FileDigest;
import dev.tandem.bundle.Similarity;
import dev.tandem.bundle.TowerSignature;
import dev.tandem.mlflow.ModelVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ManifestChecksTest {

    private static final ModelVersion VERSION_3 = new ModelVersion(
            "movies", "3", "mlflow-artifacts:/1/run/artifacts/bundle", "run", "None", List.of(), Map.of());

    @Test
    void aManifestThatFitsHasNoProblems() {
        assertThat(ManifestChecks.problems(spec(), VERSION_3, manifest("movies", "3", "serving_default")))
                .isEmpty();
    }

    @Test
    void aBundleOfAnotherModelOrVersionIsNamed() {
        assertThat(ManifestChecks.problems(spec(), VERSION_3, manifest("books", "2", "serving_default")))
                .containsExactly(
                        "its manifest names model books, not movies",
                        "its manifest says version 2, but MLflow registered it as version 3");
        assertThat(ManifestChecks.problems(spec(), VERSION_3, manifest("movies", null, "serving_default")))
                .containsExactly("its manifest names no model version (MLflow registered it as version 3)");
    }

    @Test
    void theSignatureAndSimilarityMustBeWhatTheSpecAsks() {
        RecModelSpec spec = spec();
        spec.setSignatureName("user_tower");
        spec.setSimilarity(SimilarityKind.COSINE);
        assertThat(ManifestChecks.problems(spec, VERSION_3, manifest("movies", "3", "serving_default")))
                .containsExactly(
                        "its user tower's signature is serving_default, but spec.signatureName asks for user_tower",
                        "it was trained for dot similarity, but spec.similarity asks for cosine");
    }

    @Test
    void anUnsetSimilarityAcceptsTheManifests() {
        RecModelSpec spec = spec();
        spec.setSimilarity(null);
        assertThat(ManifestChecks.problems(spec, VERSION_3, manifest("movies", "3", "serving_default")))
                .isEmpty();
        spec.setSimilarity(SimilarityKind.DOT);
        assertThat(ManifestChecks.problems(spec, VERSION_3, manifest("movies", "3", "serving_default")))
                .isEmpty();
    }

    private static RecModelSpec spec() {
        RecModelSpec spec = new RecModelSpec();
        spec.setTrackingUri("http://mlflow:5000");
        spec.setRegisteredModel("movies");
        spec.setVersion("3");
        return spec;
    }

    private static BundleManifest manifest(String model, String version, String signature) {
        return new BundleManifest(
                BundleLayout.FORMAT_VERSION,
                model,
                version,
                Similarity.DOT,
                16,
                500,
                "ds-0123456789abcdef",
                "dev",
                Instant.parse("2026-01-01T00:00:00Z"),
                new TowerSignature(signature, "history", "user_vector", 20, 0),
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeMap<>(Map.of(BundleLayout.ITEM_IDS, new FileDigest("ab", 4000))));
    }
}
