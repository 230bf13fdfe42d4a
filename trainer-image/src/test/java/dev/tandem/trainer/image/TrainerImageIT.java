/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.image.BuiltImage;
import dev.tandem.testing.image.Container;
import dev.tandem.testing.image.OciImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer image as a Job runs it: a valid OCI image whose entrypoint runs the trainer's commands. */
class TrainerImageIT {

    private final BuiltImage built = BuiltImage.ofThisModule();

    @Test
    void itsEntrypointGeneratesADatasetAsTheImagesUser(@TempDir Path work) throws Exception {
        OciImage image = built.openVerified(work);
        Path rootfs = image.unpack(work.resolve("bundle"));

        try (Container trainer = image.start(
                rootfs,
                Map.of("JAVA_OPTS", "-Xmx256m"),
                List.of("generate", "--size", "tiny", "--seed", "7", "--out", "/home/tandem/datasets"),
                work.resolve("trainer.log"))) {
            assertThat(trainer.awaitExit(Duration.ofMinutes(3)))
                    .as(trainer.output())
                    .isZero();
        }

        try (var datasets = Files.list(rootfs.resolve("home/tandem/datasets"))) {
            Path dataset = datasets.findFirst().orElseThrow();
            assertThat(dataset.getFileName().toString()).startsWith("ds-");
            assertThat(Files.getOwner(dataset).getName())
                    .as("written by the image's user, not root")
                    .isIn("10001", "tandem");
        }
    }
}
