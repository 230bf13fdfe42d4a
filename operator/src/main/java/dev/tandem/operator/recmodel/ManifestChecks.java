/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.bundle.BundleManifest;
import dev.tandem.mlflow.ModelVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks a verified bundle's manifest against what the registry and the spec say it is. The bundle verifier checks
 * that the files match the manifest; these check that the manifest belongs where it was found, since serving refuses a
 * bundle whose manifest names another version and a tower without the asked signature cannot answer.
 */
final class ManifestChecks {

    static final String DEFAULT_SIGNATURE = "serving_default";

    private ManifestChecks() {}

    /** Every disagreement, in a phrase each; empty when the manifest fits. */
    static List<String> problems(RecModelSpec spec, ModelVersion version, BundleManifest manifest) {
        List<String> problems = new ArrayList<>();
        if (!spec.getRegisteredModel().equals(manifest.modelName())) {
            problems.add("its manifest names model " + manifest.modelName() + ", not " + spec.getRegisteredModel());
        }
        if (manifest.modelVersion() == null) {
            problems.add(
                    "its manifest names no model version (MLflow registered it as version " + version.version() + ")");
        } else if (!manifest.modelVersion().equals(version.version())) {
            problems.add("its manifest says version " + manifest.modelVersion()
                    + ", but MLflow registered it as version " + version.version());
        }
        String signature = Objects.requireNonNullElse(spec.getSignatureName(), DEFAULT_SIGNATURE);
        if (!signature.equals(manifest.tower().signature())) {
            problems.add("its user tower's signature is " + manifest.tower().signature()
                    + ", but spec.signatureName asks for " + signature);
        }
        if (spec.getSimilarity() != null && spec.getSimilarity() != BundleFacts.kind(manifest.similarity())) {
            problems.add(
                    "it was trained for " + manifest.similarity().json() + " similarity, but spec.similarity asks for "
                            + spec.getSimilarity().name().toLowerCase(Locale.ROOT));
        }
        return problems;
    }
}
