/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.testing.image.BuiltImage;
import dev.tandem.testing.image.OciImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
    void theArchiveIsAValidImageTaggedAndLabelledWithThisBuild(@TempDir Path work) {
        OciImage image = built.open(work);

        assertThat(image.reference()).isEqualTo("tandem-serving:" + built.version());
        assertThat(image.verifyLayers()).as("Debian, Java, the application").hasSize(3);
        assertThat(image.user()).isEqualTo("10001:10001");
        assertThat(image.entrypoint()).containsExactly("/usr/local/bin/tandem-serving");
        assertThat(image.labels())
                .containsEntry("org.opencontainers.image.title", "tandem-serving")
                .containsEntry("org.opencontainers.image.version", built.version())
                .containsKeys("org.opencontainers.image.revision", "org.opencontainers.image.source");
    }

    @Test
    void itsEntrypointServesAsTheImagesUser(@TempDir Path work) throws Exception {
        OciImage image = built.open(work);
        Path rootfs = image.unpack(work.resolve("bundle"));
        int http = freePort();
        Path log = work.resolve("serving.log");

        Process serving = image.start(
                rootfs,
                Map.of(
                        "QUARKUS_HTTP_PORT", String.valueOf(http),
                        "QUARKUS_GRPC_SERVER_PORT", String.valueOf(freePort()),
                        "JAVA_OPTS", "-Xmx256m"),
                List.of(),
                log);
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/q/health/live"))
                    .build();
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(client.send(live, HttpResponse.BodyHandlers.ofString())
                                    .statusCode())
                            .as(() -> read(log))
                            .isEqualTo(200));
            assertThat(Files.readString(log))
                    .as("the JVM flags the code needs are set by the entrypoint")
                    .doesNotContain("jdk.incubator.vector not found")
                    .contains("tandem-serving " + built.version());
            assertThat(ownerOf(serving)).as("never root").isEqualTo("10001");
        } finally {
            serving.destroy();
            serving.waitFor();
        }
    }

    private static String ownerOf(Process process) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("Uid:"))
                .map(line -> line.split("\\s+")[1])
                .findFirst()
                .orElseThrow();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
