/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.api.trainer.TrainSummary;
import dev.tandem.bundle.BundleReader;
import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.trainer.TrainedVersions;
import dev.tandem.testing.trainer.TrainerLauncher;
import dev.tandem.trainer.cli.TrainerCli;
import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.dataset.SyntheticConfig;
import dev.tandem.trainer.dataset.SyntheticGenerator;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.ModelVersionTag;
import org.mlflow.tracking.MlflowClient;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * {@code train} against the real MLflow server: a registered version whose bundle verifies after download, and a
 * {@code --summary} that names what MLflow registered.
 */
@LocalPlatformTest
class TrainCommandIT {

    @Test
    void trainRegistersAVersionWithAVerifiableBundle(LocalPlatform platform, @TempDir Path dir) throws Exception {
        Dataset dataset = new SyntheticGenerator(
                        new SyntheticConfig(200, 300, 8_000, 6, 5, 1.0, 0.1, SyntheticConfig.DEFAULT_START, 40))
                .writeTo(dir.resolve("datasets"));
        TrainedVersions trained = TrainedVersions.train(
                TrainerLauncher.inProcess(dir, TrainerCli::commandLine),
                platform.mlflowUrl(),
                dataset.directory(),
                "train-it",
                1);
        String model = trained.name();

        assertThat(trained.version(1).output())
                .contains("epoch 1 step")
                .contains("examples/s")
                .contains("registered " + model + " version 1");

        MlflowClient client = new MlflowClient(platform.mlflowUrl().toString());
        ModelVersion version;
        try {
            version = client.getModelVersion(model, "1");
        } finally {
            client.close();
        }
        Map<String, String> tags = new HashMap<>();
        for (ModelVersionTag tag : version.getTagsList()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        assertThat(tags)
                .containsEntry(MlflowTags.DATASET_VERSION, dataset.version())
                .containsKey(MlflowTags.CODE_VERSION);
        assertThat(version.getSource()).endsWith("/bundle");
        TrainSummary summary = trained.version(1).summary();
        assertThat(summary.runId()).isEqualTo(version.getRunId());
        assertThat(summary.bundleUri()).isEqualTo(version.getSource());
        assertThat(summary.datasetVersion()).isEqualTo(dataset.version());
        assertThat(summary.codeVersion()).isEqualTo(tags.get(MlflowTags.CODE_VERSION));
        assertThat(BundleReader.verify(trained.bundle(1)).manifest().modelVersion())
                .isEqualTo("1");

        HttpClient http = HttpClient.newHttpClient();
        JsonNode run = new MlflowRestClient(platform.mlflowUrl(), http)
                .get("runs/get", Map.of("run_id", version.getRunId()))
                .path("run");
        assertThat(run.path("info").path("status").asText()).isEqualTo("FINISHED");
        assertThat(run.path("data").path("metrics").toString()).contains("train_loss");
        assertThat(run.path("data").path("params").toString())
                .contains("\"dim\"")
                .contains("\"16\"");

        Path downloaded = dir.resolve("downloaded");
        new MlflowArtifactProxy(platform.mlflowUrl(), http).downloadDirectory(version.getSource(), downloaded);
        VerifiedBundle bundle = BundleReader.verify(downloaded);
        assertThat(bundle.manifest().modelVersion()).isEqualTo("1");
        assertThat(bundle.manifest().datasetVersion()).isEqualTo(dataset.version());
        assertThat(bundle.manifest().itemCount()).isEqualTo(300);

        try (SavedModelBundle tower =
                        SavedModelBundle.load(bundle.savedModelDir().toString());
                TInt64 history = TInt64.tensorOf(Shape.of(1, 20), DataBuffers.of(new long[20], true, false));
                var result = tower.function("serving_default").call(Map.of("history", history))) {
            TFloat32 vector = (TFloat32) result.get("user_vector").orElseThrow();
            assertThat(vector.shape().asArray()).containsExactly(1, 16);
        }
    }
}
