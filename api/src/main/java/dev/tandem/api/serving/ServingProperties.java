/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.serving;

import java.util.Locale;

/**
 * The serving runtime's settings that others set: the operator on serving pods (as environment variables), the tests
 * on the pods they run. The serving runtime's configuration mapping names its settings with these constants, so a
 * renamed setting breaks the operator's compile, not a pod at run time.
 *
 * <p>Each constant is a property name under {@link #PREFIX}; {@link #env(String)} gives the environment variable that
 * sets it (SmallRye Config's mapping: upper case, every other character an underscore).
 */
public final class ServingProperties {

    /** The prefix of every serving property: {@code tandem.bundle} is set by {@code TANDEM_BUNDLE}. */
    public static final String PREFIX = "tandem";

    /** The bundle to serve at start: a directory, a {@code models:/} URI or an MLflow artifact URI. */
    public static final String BUNDLE = "bundle";

    /** The prebuilt index of that bundle: a directory or an MLflow artifact URI. */
    public static final String INDEX = "index";

    /** The group of MLflow settings. */
    public static final String MLFLOW = "mlflow";

    /** The MLflow tracking server, inside {@link #MLFLOW}. */
    public static final String TRACKING_URI = "tracking-uri";

    /** The MLflow tracking server, as a whole property name. */
    public static final String MLFLOW_TRACKING_URI = MLFLOW + "." + TRACKING_URI;

    /** Where remote bundles and indexes are downloaded. */
    public static final String CACHE_DIR = "cache-dir";

    /** Requests sent through a new version before it takes traffic. */
    public static final String WARMUP_QUERIES = "warmup-queries";

    private ServingProperties() {}

    /** The environment variable that sets {@code property}, e.g. {@code hnsw.overquery} → {@code TANDEM_HNSW_OVERQUERY}. */
    public static String env(String property) {
        return (PREFIX + "." + property).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
