/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.image.BuiltImage;
import dev.tandem.testing.image.Container;
import dev.tandem.testing.image.OciImage;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving image as a node runs it: a valid OCI image whose entrypoint serves as its non-root user. */
class ServingImageIT {

    private final BuiltImage built = BuiltImage.ofThisModule();

    @Test
    void theArchiveIsAValidImageOfThisBuild(@TempDir Path work) {
        OciImage image = built.openVerified(work);

        assertThat(image.labels().get("org.opencontainers.image.description")).contains("TF Serving");
    }

    @Test
    void itsEntrypointServesAsTheImagesUser(@TempDir Path work) throws Exception {
        OciImage image = built.openVerified(work);

        try (Container serving =
                ServingContainers.startLive(image, image.unpack(work.resolve("bundle")), work.resolve("serving.log"))) {
            assertThat(serving.uid()).as("never root").isEqualTo("10001");
            assertThat(serving.output()).contains("tandem-serving " + built.version());
            // TensorFlow loads in the background after the start: the CPU build, on the CPU.
            ServingContainers.awaitTensorFlow(serving, Duration.ofMinutes(2));
            assertThat(serving.output()).contains("(linux-x86_64) devices: CPU:0;");
        }
    }
}
