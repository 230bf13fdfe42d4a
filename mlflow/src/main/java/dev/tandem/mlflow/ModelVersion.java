/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One registered model version as the MLflow registry reports it.
 *
 * @param name registered model name
 * @param version version number as MLflow writes it ("3")
 * @param source artifact URI of the version's files (the bundle), e.g. {@code mlflow-artifacts:/1/abc/artifacts/bundle}
 * @param runId the run that produced it, empty when registered without a run
 * @param stage MLflow's stage ("None", "Staging", "Production", "Archived")
 * @param aliases aliases pointing at this version
 * @param tags version tags
 */
public record ModelVersion(
        String name,
        String version,
        String source,
        String runId,
        String stage,
        List<String> aliases,
        Map<String, String> tags) {

    public ModelVersion {
        aliases = List.copyOf(aliases);
        tags = Map.copyOf(tags);
    }

    /** Reads MLflow's {@code model_version} JSON object. */
    static ModelVersion fromJson(JsonNode node) {
        List<String> aliases = new ArrayList<>();
        node.path("aliases").forEach(a -> aliases.add(a.asText()));
        Map<String, String> tags = new TreeMap<>();
        node.path("tags")
                .forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        return new ModelVersion(
                node.path("name").asText(),
                node.path("version").asText(),
                node.path("source").asText(),
                node.path("run_id").asText(""),
                node.path("current_stage").asText("None"),
                aliases,
                tags);
    }
}
