/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import dev.tandem.serving.ServingTestModels;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformExtension;
import dev.tandem.testing.trainer.TrainedVersions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Trains two versions of a model with the trainer against the local platform's MLflow and starts the packaged
 * server on version 1 from the registry.
 */
public class TrainedModelResource implements QuarkusTestResourceLifecycleManager {

    static volatile TrainedVersions trained;
    static volatile Path dir;

    @Override
    public Map<String, String> start() {
        LocalPlatform platform = LocalPlatformExtension.platform();
        try {
            // The API ITs share the trained versions: each starts its own server on version 1 of them.
            if (trained == null) {
                dir = Files.createTempDirectory("serving-api-it");
                trained = ServingTestModels.train(platform.mlflowUrl(), dir, "serving-it", 2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "tandem.bundle",
                trained.uri(1),
                "tandem.mlflow.tracking-uri",
                platform.mlflowUrl().toString(),
                "tandem.cache-dir",
                dir.resolve("cache").toString(),
                // An integration test runs the packaged server in its prod profile, where gRPC takes TF
                // Serving's 8500; the tests use the test port instead.
                "quarkus.grpc.server.port",
                ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", String.class));
    }

    @Override
    public void stop() {}
}
