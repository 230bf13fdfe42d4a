/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a pair comes from. The bundle is a local directory, an MLflow registry URI ({@code models:/name/3} or
 * {@code models:/name@champion}, resolved and pinned when loading starts) or an MLflow artifact URI
 * ({@code mlflow-artifacts:/…}, {@code http(s)://…}). The index is a local directory or an artifact URI, or
 * absent: then the graph is built in the serving process.
 *
 * @param bundle where the bundle is
 * @param index where its prebuilt index is, if there is one
 */
public record PairSource(String bundle, Optional<String> index) {

    private static final Pattern REGISTRY = Pattern.compile("models:/([^/@]+)(?:/([0-9]+)|@([A-Za-z0-9_-]+))");

    public PairSource {
        if (bundle == null || bundle.isBlank()) {
            throw new IllegalArgumentException("a pair needs a bundle location");
        }
        index = index.filter(i -> !i.isBlank());
    }

    /** A registered model version or alias named by a {@code models:/} URI. */
    public record RegistryReference(String model, Optional<String> version, Optional<String> alias) {}

    /** The registry reference, when the bundle is named by a {@code models:/} URI. */
    public Optional<RegistryReference> registryReference() {
        if (!bundle.startsWith("models:/")) {
            return Optional.empty();
        }
        Matcher m = REGISTRY.matcher(bundle);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + bundle + "' is not a registry URI; write models:/<name>/<version> or models:/<name>@<alias>");
        }
        return Optional.of(
                new RegistryReference(m.group(1), Optional.ofNullable(m.group(2)), Optional.ofNullable(m.group(3))));
    }

    static boolean isRemote(String location) {
        return location.startsWith("mlflow-artifacts:")
                || location.startsWith("http://")
                || location.startsWith("https://")
                || location.startsWith("models:/");
    }
}
