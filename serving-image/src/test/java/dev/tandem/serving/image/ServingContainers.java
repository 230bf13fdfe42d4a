/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.image;

import static org.awaitility.Awaitility.await;

import dev.tandem.testing.image.Container;
import dev.tandem.testing.image.OciImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A serving image's entrypoint started as the image ITs start it: free ports, a small heap, live before it returns. */
final class ServingContainers {

    private ServingContainers() {}

    /** Starts the server on the unpacked {@code rootfs} and waits until it answers its liveness endpoint. */
    static Container startLive(OciImage image, Path rootfs, Path log) throws InterruptedException {
        int http = Container.freePort();
        Container serving = image.start(
                rootfs,
                Map.of(
                        "QUARKUS_HTTP_PORT", String.valueOf(http),
                        "QUARKUS_GRPC_SERVER_PORT", String.valueOf(Container.freePort()),
                        "JAVA_OPTS", "-Xmx256m"),
                List.of(),
                log);
        try {
            serving.awaitOk(URI.create("http://127.0.0.1:" + http + "/q/health/live"), Duration.ofMinutes(2));
            return serving;
        } catch (InterruptedException | RuntimeException | Error e) {
            serving.close();
            throw e;
        }
    }

    /** Waits for the line the server logs once TensorFlow has loaded in the background (or could not, or it died). */
    static void awaitTensorFlow(Container serving, Duration patience) {
        await().atMost(patience)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> serving.output().contains(") devices: ")
                        || serving.output().contains("cannot load TensorFlow")
                        || !serving.process().isAlive());
    }
}
