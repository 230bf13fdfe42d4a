/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a TF Serving REST path after {@code /v1/models/}: {@code name[/versions/N|/labels/L][:verb]} or
 * {@code name[/versions/N|/labels/L]/metadata}.
 *
 * @param name the model name
 * @param version a version, when the path names one
 * @param label a label, when the path names one
 * @param verb {@code predict} (the only verb served), or empty
 * @param metadata whether the path asks for metadata
 */
record ModelPath(String name, OptionalLong version, Optional<String> label, Optional<String> verb, boolean metadata) {

    private static final Pattern PATH =
            Pattern.compile("([^/:]+)(?:/versions/([0-9]+)|/labels/([^/:]+))?(?::([a-z]+)|/(metadata))?");

    /** The parsed path, or empty when it is not one TF Serving would route. */
    static Optional<ModelPath> parse(String rest) {
        Matcher m = PATH.matcher(rest);
        if (!m.matches()) {
            return Optional.empty();
        }
        OptionalLong version = OptionalLong.empty();
        if (m.group(2) != null) {
            try {
                version = OptionalLong.of(Long.parseLong(m.group(2)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        return Optional.of(new ModelPath(
                m.group(1),
                version,
                Optional.ofNullable(m.group(3)),
                Optional.ofNullable(m.group(4)),
                m.group(5) != null));
    }
}
