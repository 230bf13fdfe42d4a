/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainerJobsTest {

    @Test
    void theTrainerSeesTheWorkspaceWhereItIsMounted() {
        Path workspace = Path.of("/tmp/local-node-models42");
        TrainerJobs trainer = new TrainerJobs(null, "t-node-it", workspace);

        assertThat(trainer.path(workspace.resolve("datasets").resolve("ds-0123456789abcdef")))
                .isEqualTo("/data/datasets/ds-0123456789abcdef");
        assertThat(trainer.path(workspace.resolve("train-1.json"))).isEqualTo("/data/train-1.json");
    }
}
