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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts go up and come back through the real MLflow artifact proxy, byte for byte, over HTTP only. */
@LocalPlatformTest
class MlflowArtifactProxyIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private MlflowArtifactProxy proxy;
    private String runArtifacts;

    @BeforeEach
    void createRun(LocalPlatform platform) {
        proxy = new MlflowArtifactProxy(platform.mlflowUrl(), http);
        JsonNode run = new MlflowRestClient(platform.mlflowUrl(), http)
                .post("runs/create", Map.of("experiment_id", "0"))
                .path("run")
                .path("info");
        runArtifacts = run.path("artifact_uri").asText();
        assertThat(runArtifacts).startsWith("mlflow-artifacts:/");
    }

    @Test
    void uploadedFileDownloadsIdentically(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);
        Path local = Files.write(dir.resolve("embeddings.bin"), content);

        proxy.upload(local, runArtifacts + "/bundle/embeddings.bin");
        Path back = dir.resolve("back/embeddings.bin");
        proxy.download(runArtifacts + "/bundle/embeddings.bin", back);

        assertThat(Files.readAllBytes(back)).isEqualTo(content);
        assertThat(proxy.list(runArtifacts + "/bundle"))
                .containsExactly(new MlflowArtifactProxy.Entry("embeddings.bin", false, content.length));
    }

    @Test
    void deletedDirectoryIsGoneWithItsFilesAndItsSiblingStays(@TempDir Path dir) throws Exception {
        Path local = Files.writeString(dir.resolve("graph.bin"), "graph");
        proxy.upload(local, runArtifacts + "/indexes/a/graph.bin");
        proxy.upload(local, runArtifacts + "/indexes/a/nested/graph.bin");
        proxy.upload(local, runArtifacts + "/indexes/b/graph.bin");

        proxy.delete(runArtifacts + "/indexes/a");

        assertThat(proxy.list(runArtifacts + "/indexes"))
                .extracting(MlflowArtifactProxy.Entry::path)
                .containsExactly("b");
        proxy.delete(runArtifacts + "/indexes/a");
    }

    @Test
    void missingArtifactIsAnErrorAndLeavesNoFile(@TempDir Path dir) {
        Path target = dir.resolve("absent.json");

        assertThatThrownBy(() -> proxy.download(runArtifacts + "/no/such/file.json", target))
                .isInstanceOfSatisfying(
                        MlflowApiException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(404));
        assertThat(dir).isEmptyDirectory();
    }
}
