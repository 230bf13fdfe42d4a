/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.testing.image.BuiltImage;
import dev.tandem.testing.image.Container;
import dev.tandem.testing.image.OciImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        int http = Container.freePort();

        try (Container serving = image.start(
                image.unpack(work.resolve("bundle")),
                Map.of(
                        "QUARKUS_HTTP_PORT", String.valueOf(http),
                        "QUARKUS_GRPC_SERVER_PORT", String.valueOf(Container.freePort()),
                        "JAVA_OPTS", "-Xmx256m"),
                List.of(),
                work.resolve("serving.log"))) {
            serving.awaitOk(URI.create("http://127.0.0.1:" + http + "/q/health/live"), Duration.ofMinutes(2));

            assertThat(serving.uid()).as("never root").isEqualTo("10001");
            assertThat(serving.output()).contains("tandem-serving " + built.version());
            // TensorFlow loads in the background after the start: the CPU build, on the CPU.
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> serving.output().contains(") devices: ")
                            || serving.output().contains("cannot load TensorFlow")
                            || !serving.process().isAlive());
            assertThat(serving.output()).contains("(linux-x86_64) devices: CPU:0;");
        }
    }
}
