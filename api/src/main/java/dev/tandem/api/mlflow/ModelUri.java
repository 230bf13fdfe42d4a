/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.mlflow;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An MLflow registry URI: {@code models:/<name>/<version>} names one version, {@code models:/<name>@<alias>} whatever
 * version the alias names when it is resolved. The operator gives pods and Jobs pinned versions; serving and the tools
 * also take aliases.
 *
 * @param model the registered model
 * @param version the version, when the URI pins one
 * @param alias the alias, when the URI names one
 */
public record ModelUri(String model, Optional<String> version, Optional<String> alias) {

    /** What every registry URI starts with. */
    public static final String SCHEME = "models:/";

    private static final Pattern FORM =
            Pattern.compile(Pattern.quote(SCHEME) + "([^/@]+)(?:/([0-9]+)|@([A-Za-z0-9_-]+))");

    public ModelUri {
        Objects.requireNonNull(model, "model");
        if (version.isPresent() == alias.isPresent()) {
            throw new IllegalArgumentException("a registry URI names a version or an alias, exactly one");
        }
    }

    /** {@code models:/<model>/<version>}. */
    public static ModelUri of(String model, String version) {
        return new ModelUri(model, Optional.of(version), Optional.empty());
    }

    /** {@code models:/<model>@<alias>}. */
    public static ModelUri ofAlias(String model, String alias) {
        return new ModelUri(model, Optional.empty(), Optional.of(alias));
    }

    /** Whether {@code location} is meant as a registry URI (it may still be malformed). */
    public static boolean isRegistryUri(String location) {
        return location != null && location.startsWith(SCHEME);
    }

    /**
     * Reads a registry URI.
     *
     * @throws IllegalArgumentException naming the two forms, when {@code uri} is neither
     */
    public static ModelUri parse(String uri) {
        Matcher m = FORM.matcher(uri == null ? "" : uri);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + uri + "' is not a registry URI; write " + SCHEME
                    + "<name>/<version> or " + SCHEME + "<name>@<alias>");
        }
        return new ModelUri(m.group(1), Optional.ofNullable(m.group(2)), Optional.ofNullable(m.group(3)));
    }

    @Override
    public String toString() {
        return SCHEME + model + version.map(v -> "/" + v).orElseGet(() -> "@" + alias.orElseThrow());
    }
}
