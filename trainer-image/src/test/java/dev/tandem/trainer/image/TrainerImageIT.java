/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.image.BuiltImage;
import dev.tandem.testing.image.OciImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer image as a Job runs it: a valid OCI image whose entrypoint runs the trainer's commands. */
class TrainerImageIT {

    private final BuiltImage built = BuiltImage.ofThisModule();

    @Test
    void theArchiveIsAValidImageTaggedAndLabelledWithThisBuild(@TempDir Path work) {
        OciImage image = built.open(work);

        assertThat(image.reference()).isEqualTo("tandem-trainer:" + built.version());
        assertThat(image.verifyLayers()).as("Debian, Java, the application").hasSize(3);
        assertThat(image.user()).isEqualTo("10001:10001");
        assertThat(image.entrypoint()).containsExactly("/usr/local/bin/tandem-trainer");
        assertThat(image.labels())
                .containsEntry("org.opencontainers.image.title", "tandem-trainer")
                .containsEntry("org.opencontainers.image.version", built.version());
    }

    @Test
    void itsEntrypointGeneratesADatasetAsTheImagesUser(@TempDir Path work) throws Exception {
        OciImage image = built.open(work);
        Path rootfs = image.unpack(work.resolve("bundle"));
        Path log = work.resolve("trainer.log");

        Process trainer = image.start(
                rootfs,
                Map.of("JAVA_OPTS", "-Xmx256m"),
                List.of("generate", "--size", "tiny", "--seed", "7", "--out", "/home/tandem/datasets"),
                log);

        assertThat(trainer.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(trainer.exitValue()).as(Files.readString(log)).isZero();
        try (var datasets = Files.list(rootfs.resolve("home/tandem/datasets"))) {
            Path dataset = datasets.findFirst().orElseThrow();
            assertThat(dataset.getFileName().toString()).startsWith("ds-");
            assertThat(Files.getOwner(dataset).getName())
                    .as("written by the image's user, not root")
                    .isIn("10001", "tandem");
        }
    }
}
