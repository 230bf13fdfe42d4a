/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.api.index.BuildIndexReason;
import dev.tandem.bundle.MipsStrategy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one-line JSON a RecIndex Job leaves in its termination message, as the operator will read it. */
class BuildIndexSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static BuildIndexSummary summary(String upload) {
        return new BuildIndexSummary(
                "youtube-dnn",
                "3",
                400,
                16,
                MipsStrategy.EXTRA_DIMENSION,
                32,
                200,
                10,
                1.234,
                1000,
                0.9985,
                123_456,
                "ab".repeat(32),
                "cd".repeat(32),
                "ef".repeat(32),
                "/work/index",
                upload);
    }

    @Test
    void summaryIsOneLineWithTheFieldsTheOperatorReads() throws Exception {
        String line = summary("mlflow-artifacts:/3/run/artifacts/indexes/v3").toJson();

        assertThat(line).doesNotContain("\n");
        JsonNode node = JSON.readTree(line);
        assertThat(node.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly(
                        "modelName",
                        "modelVersion",
                        "items",
                        "dim",
                        "mips",
                        "maxDegree",
                        "beamWidth",
                        "overquery",
                        "buildSeconds",
                        "probeQueries",
                        "probeRecallAt10",
                        "graphBytes",
                        "indexManifestSha256",
                        "itemIdsSha256",
                        "itemVectorsSha256",
                        "out",
                        "upload");
        assertThat(node.path("modelVersion").isTextual()).isTrue();
        assertThat(node.path("modelVersion").asText()).isEqualTo("3");
        assertThat(node.path("items").asInt()).isEqualTo(400);
        assertThat(node.path("mips").asText()).isEqualTo("extra-dimension");
        assertThat(node.path("probeRecallAt10").asDouble()).isEqualTo(0.9985);
        assertThat(node.path("graphBytes").asLong()).isEqualTo(123_456);
        assertThat(node.path("upload").asText()).isEqualTo("mlflow-artifacts:/3/run/artifacts/indexes/v3");
        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThan(1024);
    }

    @Test
    void summaryWithoutUploadLeavesTheFieldOut() throws Exception {
        JsonNode node = JSON.readTree(summary(null).toJson());

        assertThat(node.has("upload")).isFalse();
        assertThat(node.path("out").asText()).isEqualTo("/work/index");
    }

    @Test
    void failureCarriesTheMessageAndOneCamelCaseReason() throws Exception {
        String line =
                new BuildIndexFailure("models:/m/9: RESOURCE_DOES_NOT_EXIST", BuildIndexReason.BundleNotFound).toJson();

        assertThat(line)
                .isEqualTo("{\"error\":\"models:/m/9: RESOURCE_DOES_NOT_EXIST\",\"reason\":\"BundleNotFound\"}");
        for (BuildIndexReason reason : BuildIndexReason.values()) {
            assertThat(reason.name()).matches("[A-Z][a-z]+([A-Z][a-z]+)+");
        }
    }

    @Test
    void aLongFailureIsCutToFitATerminationMessage() throws Exception {
        // Quotes, line breaks and control characters grow when escaped; é and 😀 take 2 and 4 bytes.
        String message = "x\"\n\u0001é😀".repeat(2_000);

        String line = new BuildIndexFailure(message, BuildIndexReason.UploadFailed).toJson();

        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(line).doesNotContain("\n");
        JsonNode node = JSON.readTree(line);
        assertThat(node.path("reason").asText()).isEqualTo("UploadFailed");
        String error = node.path("error").asText();
        assertThat(error).endsWith("…").hasSizeGreaterThan(1000);
        assertThat(message).startsWith(error.substring(0, error.length() - 1));
    }
}
