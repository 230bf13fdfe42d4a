/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What an image's configuration says about how to run it ({@code config} of the OCI image configuration).
 *
 * @param entrypoint {@code Entrypoint}
 * @param cmd {@code Cmd}: the arguments when the container gives none
 * @param env {@code Env}, as {@code KEY=VALUE}
 * @param user {@code User}, e.g. {@code 10001:10001}; empty for root
 * @param workingDir {@code WorkingDir}; empty for {@code /}
 */
public record ImageConfig(List<String> entrypoint, List<String> cmd, List<String> env, String user, String workingDir) {

    public ImageConfig {
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        env = List.copyOf(env);
    }

    /** From an OCI image configuration document. */
    public static ImageConfig of(JsonNode imageConfiguration) {
        JsonNode config = imageConfiguration.path("config");
        return new ImageConfig(
                strings(config.path("Entrypoint")),
                strings(config.path("Cmd")),
                strings(config.path("Env")),
                config.path("User").asText(""),
                config.path("WorkingDir").asText(""));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
