/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusTargetsTest {

    @TempDir
    Path dir;

    @Test
    void registrationWritesAFileSdTargetGroupAndCloseRemovesIt() throws Exception {
        PrometheusTargets targets = new PrometheusTargets(dir.resolve("targets"));

        PrometheusTargets.Registration registration = targets.register("serving-it", "127.0.0.1:18082", "/q/metrics");
        Path file = dir.resolve("targets/serving-it.json");
        assertThat(Files.readString(file))
                .contains("\"targets\": [\"127.0.0.1:18082\"]")
                .contains("\"job\": \"serving-it\"")
                .contains("\"__metrics_path__\": \"/q/metrics\"");
        assertThat(dir.resolve("targets")).isDirectoryNotContaining("glob:**.tmp");

        registration.close();
        assertThat(file).doesNotExist();
    }

    @Test
    void jobNamesThatWouldBreakTheJsonAreRefused() {
        PrometheusTargets targets = new PrometheusTargets(dir);

        assertThatThrownBy(() -> targets.register("bad\"job", "127.0.0.1:1", "/metrics"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job label");
    }
}
