/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TandemImageTest {

    @Test
    void referencesCarryTheBuildsRepositoryAndVersion() {
        // Surefire runs with the module's version and the parent's images.repository as system properties.
        String repository = System.getProperty("images.repository");
        String version = System.getProperty("project.version");

        assertThat(TandemImage.repository()).isEqualTo(repository);
        assertThat(TandemImage.version()).isEqualTo(version);
        assertThat(TandemImage.SERVING.reference()).isEqualTo(repository + "/tandem-serving:" + version);
        assertThat(TandemImage.SERVING_GPU.reference()).isEqualTo(repository + "/tandem-serving-gpu:" + version);
        assertThat(TandemImage.TRAINER.reference()).isEqualTo(repository + "/tandem-trainer:" + version);
        assertThat(TandemImage.OPERATOR.reference()).isEqualTo(repository + "/tandem-operator:" + version);
    }
}
