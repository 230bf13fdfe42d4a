/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.testing.image.Container;
import dev.tandem.testing.image.OciImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dev/base-image as the images' builds meet it: an OCI image whose every blob is what its digest says, that runs as a
 * non-root user, and whose Java runtime starts inside it (unpacked and run under chroot, as a container would) with the
 * modules Tandem's services need.
 */
class BaseImageIT {

    private static Path script;
    private static Path image;

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(
                "0".equals(run(List.of("id", "-u")).output().strip()),
                "dev/base-image needs root: mmdebstrap and the chroot below do");
        script = PlatformScript.locate().path().resolveSibling("base-image");
        Run built = run(List.of(script.toString(), "build"));
        assertThat(built.exitCode()).as(built.output()).isZero();
        image = Path.of(built.output().strip().lines().toList().getLast());
    }

    @Test
    void everyBlobOfTheOciLayoutIsWhatItsDigestSays() {
        OciImage base = OciImage.inLayout(image.resolve("oci"));

        assertThat(base.reference()).isEqualTo("base");
        assertThat(base.verifyLayers())
                .as("the Debian root filesystem, then the Java runtime")
                .hasSize(2)
                .allSatisfy(type -> assertThat(type).startsWith("application/vnd.oci.image.layer.v1.tar"));
        assertThat(base.config().path("rootfs").path("diff_ids")).hasSize(2);
        assertThat(base.config().path("os").asText()).isEqualTo("linux");
        assertThat(base.config().path("architecture").asText()).isEqualTo("amd64");
        assertThat(base.user()).as("never root").isEqualTo("10001:10001");
        assertThat(base.env()).contains("JAVA_HOME=/opt/java");
        assertThat(base.labels()).containsEntry("org.opencontainers.image.title", "tandem-base");
    }

    @Test
    void theDockerArchiveForJibNamesTheSameImage() throws Exception {
        Run listing = run(List.of("tar", "-xOf", image.resolve("base.tar").toString(), "manifest.json"));
        assertThat(listing.exitCode()).as(listing.output()).isZero();

        JsonNode manifest = new ObjectMapper().readTree(listing.output()).get(0);

        assertThat(manifest.path("RepoTags").get(0).asText()).isEqualTo("localhost/tandem-base:" + image.getFileName());
        assertThat(manifest.path("Layers")).hasSize(2);
    }

    @Test
    void itsJavaRunsAsTheImagesUserWithTheModulesTandemNeeds(@TempDir Path bundle) throws Exception {
        OciImage base = OciImage.inLayout(image.resolve("oci"));
        Path rootfs = base.unpack(bundle.resolve("b"));
        String output;
        try (Container java = base.start(
                rootfs,
                Map.of(),
                List.of(
                        "/opt/java/bin/java",
                        "--add-modules",
                        "jdk.incubator.vector",
                        "-XshowSettings:properties",
                        "--list-modules"),
                bundle.resolve("java.log"))) {
            assertThat(java.awaitExit(Duration.ofMinutes(2))).as(java.output()).isZero();
            output = java.output();
        }
        assertThat(output)
                .contains("user.name = tandem")
                .contains("java.home = /opt/java")
                .contains("jdk.incubator.vector@")
                .contains("java.net.http@")
                .contains("jdk.unsupported@")
                .doesNotContain("java.desktop@");
    }

    @Test
    void aSecondBuildReusesTheCachedImage() throws Exception {
        long before = Files.getLastModifiedTime(image.resolve("base.tar")).toMillis();

        Run again = run(List.of(script.toString(), "build"));

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output().strip())
                .as("only the directory, nothing built")
                .isEqualTo(image.toString());
        assertThat(Files.getLastModifiedTime(image.resolve("base.tar")).toMillis())
                .isEqualTo(before);
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        process.waitFor();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
