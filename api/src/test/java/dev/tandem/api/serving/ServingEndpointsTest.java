/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServingEndpointsTest {

    @Test
    void settingsBecomeTheEnvironmentVariablesSmallRyeReads() {
        assertThat(ServingProperties.env(ServingProperties.BUNDLE)).isEqualTo("TANDEM_BUNDLE");
        assertThat(ServingProperties.env(ServingProperties.MLFLOW_TRACKING_URI))
                .isEqualTo("TANDEM_MLFLOW_TRACKING_URI");
        assertThat(ServingProperties.env("tower.max-batch")).isEqualTo("TANDEM_TOWER_MAX_BATCH");
        assertThat(ServingProperties.env("hnsw.overquery")).isEqualTo("TANDEM_HNSW_OVERQUERY");
    }

    @Test
    void theProbeRecallPathFillsTheTemplateTheServerDeclares() {
        assertThat(ServingEndpoints.probeRecall("movies dnn", "3"))
                .isEqualTo("tandem/v1/models/movies%20dnn/versions/3/probe-recall");
        assertThat(ServingEndpoints.predict("movies-dnn")).isEqualTo("v1/models/movies-dnn:predict");
    }
}
