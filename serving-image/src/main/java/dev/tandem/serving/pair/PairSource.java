/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

import dev.tandem.api.mlflow.ModelUri;
import java.util.Optional;

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

    public PairSource {
        if (bundle == null || bundle.isBlank()) {
            throw new IllegalArgumentException("a pair needs a bundle location");
        }
        index = index.filter(i -> !i.isBlank());
    }

    /**
     * The registry URI, when the bundle is named by one.
     *
     * @throws IllegalArgumentException when the bundle starts like a registry URI but is not one
     */
    public Optional<ModelUri> registryReference() {
        return ModelUri.isRegistryUri(bundle) ? Optional.of(ModelUri.parse(bundle)) : Optional.empty();
    }

    static boolean isRemote(String location) {
        return location.startsWith("mlflow-artifacts:")
                || location.startsWith("http://")
                || location.startsWith("https://")
                || ModelUri.isRegistryUri(location);
    }
}
