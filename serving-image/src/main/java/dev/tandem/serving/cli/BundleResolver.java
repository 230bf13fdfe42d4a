/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import dev.tandem.bundle.HnswParams;
import dev.tandem.bundle.MipsStrategy;
import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.mlflow.ModelRegistry;
import dev.tandem.serving.index.GraphBuild;
import dev.tandem.serving.pair.PairLoadException;
import dev.tandem.serving.pair.PairLoader;
import dev.tandem.serving.pair.PairSource;
import dev.tandem.serving.pair.ResolvedPair;
import dev.tandem.serving.pair.Warmup;
import dev.tandem.serving.tower.TowerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Fetches and verifies a bundle (and its index) for the commands the way the server does, from a directory,
 * a {@code models:/} URI or an MLflow artifact URI.
 */
final class BundleResolver {

    private BundleResolver() {}

    /**
     * @param mlflow the MLflow tracking URI, or null when the bundle is local
     * @param cacheDir where remote bundles are downloaded
     */
    static ResolvedPair resolve(PairSource source, URI mlflow, Path cacheDir) throws PairLoadException {
        Optional<PairLoader.Mlflow> client = Optional.ofNullable(mlflow).map(uri -> {
            HttpClient http = HttpClient.newHttpClient();
            return new PairLoader.Mlflow(
                    new ModelRegistry(new MlflowRestClient(uri, http)), new MlflowArtifactProxy(uri, http));
        });
        // Only resolve() is used: nothing is opened, so there is no graph build or warm-up.
        return new PairLoader(
                        client,
                        cacheDir,
                        new GraphBuild(MipsStrategy.MOBIUS, HnswParams.defaults(), ForkJoinPool.commonPool()),
                        TowerSettings.offline(),
                        new Warmup(null, 0))
                .resolve(source);
    }
}
