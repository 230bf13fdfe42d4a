/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.rollout.ServingResources;
import org.junit.jupiter.api.Test;

class ServingImagesTest {

    private final ServingImages images = new ServingImages("acme/serving:1", "acme/serving-gpu:1", "IfNotPresent");

    @Test
    void podsThatAskForGpusRunTheGpuImage() {
        ServingResources resources = new ServingResources();
        resources.setGpus(1);

        assertThat(images.forServing(resources)).isEqualTo("acme/serving-gpu:1");
    }

    @Test
    void podsWithoutGpusRunTheCpuImage() {
        assertThat(images.forServing(new ServingResources())).isEqualTo("acme/serving:1");
    }
}
