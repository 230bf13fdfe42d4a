/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.RegisteredModel;
import org.mlflow.tracking.MlflowClient;

/**
 * A model and version written through the REST API, with an alias, read back with the official Java
 * client ({@code org.mlflow:mlflow-client}) against the real MLflow 3 server.
 */
@LocalPlatformTest
class MlflowRegistryIT {

    @Test
    void restWritesAreVisibleToTheJavaClient(LocalPlatform platform) {
        MlflowRestClient rest = new MlflowRestClient(platform.mlflowUrl(), HttpClient.newHttpClient());
        String name = "registry-it-" + UUID.randomUUID();
        JsonNode run = rest.post("runs/create", Map.of("experiment_id", "0"))
                .path("run")
                .path("info");
        String runId = run.path("run_id").asText();
        String source = run.path("artifact_uri").asText() + "/bundle";

        rest.post("registered-models/create", Map.of("name", name, "description", "YouTube-DNN retrieval"));
        String version = rest.post("model-versions/create", Map.of("name", name, "source", source, "run_id", runId))
                .path("model_version")
                .path("version")
                .asText();
        rest.post("registered-models/alias", Map.of("name", name, "alias", "champion", "version", version));

        MlflowClient client = new MlflowClient(platform.mlflowUrl().toString());
        try {
            RegisteredModel model = client.getRegisteredModel(name);
            assertThat(model.getName()).isEqualTo(name);
            assertThat(model.getDescription()).isEqualTo("YouTube-DNN retrieval");
            assertThat(model.getAliasesList()).singleElement().satisfies(alias -> {
                assertThat(alias.getAlias()).isEqualTo("champion");
                assertThat(alias.getVersion()).isEqualTo(version);
            });

            ModelVersion mv = client.getModelVersion(name, version);
            assertThat(mv.getRunId()).isEqualTo(runId);
            assertThat(mv.getSource()).isEqualTo(source);
            assertThat(mv.getAliasesList()).containsExactly("champion");
        } finally {
            client.close();
        }
    }

    @Test
    void unknownModelIsAnMlflowErrorCode(LocalPlatform platform) {
        MlflowRestClient rest = new MlflowRestClient(platform.mlflowUrl(), HttpClient.newHttpClient());

        assertThatThrownBy(
                        () -> rest.get("registered-models/get", Map.of("name", "no-such-model-" + UUID.randomUUID())))
                .isInstanceOfSatisfying(MlflowApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
    }
}
