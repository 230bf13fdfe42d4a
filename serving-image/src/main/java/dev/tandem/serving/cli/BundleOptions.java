/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import dev.tandem.serving.pair.PairLoadException;
import dev.tandem.serving.pair.PairSource;
import dev.tandem.serving.pair.ResolvedPair;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that say which bundle a command reads and how it gets there ({@code --bundle}, {@code --mlflow},
 * {@code --cache-dir}), mixed into {@code build-index} and {@code export-i2i}; the operator passes them to both Jobs.
 */
final class BundleOptions {

    @Option(
            names = "--bundle",
            required = true,
            description = "Bundle directory, models:/<name>/<version>, models:/<name>@<alias> or artifact URI")
    String bundle;

    @Option(names = "--mlflow", description = "MLflow tracking URI, for models:/ and artifact URIs")
    URI mlflow;

    @Option(names = "--cache-dir", description = "Where remote bundles are downloaded")
    Path cacheDir = Path.of(System.getProperty("java.io.tmpdir"), "tandem-serving");

    /**
     * Fetches and verifies the bundle, and the index when one is named, the way the server does.
     *
     * @param index a prebuilt index of the same version (directory or artifact URI)
     */
    ResolvedPair resolve(Optional<String> index) throws PairLoadException {
        return BundleResolver.resolve(new PairSource(bundle, index), mlflow, cacheDir);
    }
}
