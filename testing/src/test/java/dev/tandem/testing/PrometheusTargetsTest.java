/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
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
        JsonNode group = new ObjectMapper().readTree(file.toFile()).get(0);
        assertThat(group.path("targets").get(0).asText()).isEqualTo("127.0.0.1:18082");
        assertThat(group.path("labels").path("job").asText()).isEqualTo("serving-it");
        assertThat(group.path("labels").path("__metrics_path__").asText()).isEqualTo("/q/metrics");
        assertThat(dir.resolve("targets")).isDirectoryNotContaining("glob:**.tmp");

        registration.close();
        assertThat(file).doesNotExist();
    }

    @Test
    void targetLabelsGoOnTheTargetGroup() throws Exception {
        PrometheusTargets targets = new PrometheusTargets(dir);

        targets.register("pod-it", "198.18.0.7:8501", "/q/metrics", Map.of("namespace", "recs", "pod", "movies-0"));

        JsonNode labels = new ObjectMapper()
                .readTree(dir.resolve("pod-it.json").toFile())
                .get(0)
                .path("labels");
        assertThat(labels.path("namespace").asText()).isEqualTo("recs");
        assertThat(labels.path("pod").asText()).isEqualTo("movies-0");
        assertThat(labels.path("job").asText()).isEqualTo("pod-it");
    }

    @Test
    void jobNamesThatWouldBreakTheJsonAreRefused() {
        PrometheusTargets targets = new PrometheusTargets(dir);

        assertThatThrownBy(() -> targets.register("bad\"job", "127.0.0.1:1", "/metrics"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job label");
    }
}
