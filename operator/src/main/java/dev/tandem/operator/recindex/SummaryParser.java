/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.api.index.BuildIndexReason;
import java.util.List;
import java.util.regex.Pattern;

/** Reads {@link BuildSummary} lines. */
final class SummaryParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REASON = Pattern.compile("^[A-Z][A-Za-z0-9]*$");
    private static final List<String> REQUIRED = List.of(
            "modelName",
            "modelVersion",
            "items",
            "dim",
            "buildSeconds",
            "probeQueries",
            "probeRecallAt10",
            "itemVectorsSha256");

    private SummaryParser() {}

    static BuildSummary parse(String message) {
        if (message == null || message.isBlank()) {
            return new BuildSummary.Unreadable("the build left no summary", "");
        }
        String text = message.strip();
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new BuildSummary.Unreadable("the build's summary is not JSON", text);
        }
        if (json == null || !json.isObject()) {
            return new BuildSummary.Unreadable("the build's summary is not a JSON object", text);
        }
        if (json.has("error") || json.has("reason")) {
            String reason = json.path("reason").asText("");
            return new BuildSummary.Failed(
                    REASON.matcher(reason).matches() ? reason : BuildIndexReason.BuildFailed.name(),
                    json.path("error").asText(""));
        }
        List<String> missing =
                REQUIRED.stream().filter(field -> !json.hasNonNull(field)).toList();
        if (!missing.isEmpty()) {
            return new BuildSummary.Unreadable("the build's summary lacks " + String.join(", ", missing), text);
        }
        return new BuildSummary.Built(
                json.path("modelName").asText(),
                json.path("modelVersion").asText(),
                json.path("items").asInt(),
                json.path("dim").asInt(),
                json.path("buildSeconds").asDouble(),
                json.path("probeQueries").asInt(),
                json.path("probeRecallAt10").asDouble(),
                json.path("itemVectorsSha256").asText(),
                json.hasNonNull("upload") ? json.path("upload").asText() : null);
    }
}
