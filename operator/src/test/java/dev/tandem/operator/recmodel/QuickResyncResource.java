/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import dev.tandem.testing.LocalPlatformExtension;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Settings for an operator under test that must notice MLflow changes within seconds (the resync interval), with a
 * work directory the test can inspect.
 */
public class QuickResyncResource implements QuarkusTestResourceLifecycleManager {

    static final String RESYNC = "2s";

    private static volatile Path workDir;

    /** Where the operator under test downloads bundles. */
    static Path workDir() {
        return workDir;
    }

    @Override
    public Map<String, String> start() {
        try {
            workDir = Files.createTempDirectory("tandem-operator-work");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "tandem.operator.resync-interval",
                RESYNC,
                "tandem.operator.work-dir",
                workDir.toString(),
                // The default MLflow of RecModels that name none: the platform's.
                "tandem.operator.mlflow-tracking-uri",
                LocalPlatformExtension.platform().mlflowUrl().toString());
    }

    @Override
    public void stop() {
        // The directory stays for a look after a failure; it is empty when the operator cleaned up.
    }
}
