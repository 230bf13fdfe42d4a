/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dev/base-image as the images' builds meet it: an OCI image whose every blob is what its digest says, that runs as a
 * non-root user, and whose Java runtime starts inside it (unpacked and run under chroot, as a container would) with the
 * modules Tandem's services need.
 */
class BaseImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
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
        image = Path.of(lastLine(built.output()));
    }

    @Test
    void everyBlobOfTheOciLayoutIsWhatItsDigestSays() throws Exception {
        Path layout = image.resolve("oci");
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode descriptor = index.path("manifests").get(0);
        assertThat(descriptor
                        .path("annotations")
                        .path("org.opencontainers.image.ref.name")
                        .asText())
                .isEqualTo("base");

        JsonNode manifest = JSON.readTree(verifiedBlob(layout, descriptor));
        JsonNode config = JSON.readTree(verifiedBlob(layout, manifest.path("config")));
        List<String> layerTypes = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            verifiedBlob(layout, layer);
            layerTypes.add(layer.path("mediaType").asText());
        }

        assertThat(layerTypes)
                .as("the Debian root filesystem, then the Java runtime")
                .hasSize(2)
                .allSatisfy(type -> assertThat(type).startsWith("application/vnd.oci.image.layer.v1.tar"));
        assertThat(config.path("rootfs").path("diff_ids")).hasSize(2);
        assertThat(config.path("os").asText()).isEqualTo("linux");
        assertThat(config.path("architecture").asText()).isEqualTo("amd64");
        JsonNode runtime = config.path("config");
        assertThat(runtime.path("User").asText()).as("never root").isEqualTo("10001:10001");
        assertThat(runtime.path("Env").toString()).contains("JAVA_HOME=/opt/java");
        assertThat(runtime.path("Labels").path("org.opencontainers.image.title").asText())
                .isEqualTo("tandem-base");
    }

    @Test
    void theDockerArchiveForJibNamesTheSameImage() throws Exception {
        Path archive = image.resolve("base.tar");
        Run listing = run(List.of("tar", "-xOf", archive.toString(), "manifest.json"));
        assertThat(listing.exitCode()).as(listing.output()).isZero();

        JsonNode manifest = JSON.readTree(listing.output()).get(0);

        assertThat(manifest.path("RepoTags").get(0).asText()).isEqualTo("localhost/tandem-base:" + image.getFileName());
        assertThat(manifest.path("Layers")).hasSize(2);
    }

    @Test
    void itsJavaRunsAsTheImagesUserWithTheModulesTandemNeeds(@TempDir Path bundle) throws Exception {
        Run unpacked = run(List.of(
                "umoci",
                "unpack",
                "--image",
                image.resolve("oci") + ":base",
                bundle.resolve("b").toString()));
        assertThat(unpacked.exitCode()).as(unpacked.output()).isZero();
        Path rootfs = bundle.resolve("b/rootfs");

        // A container has its own /proc; the launcher finds its libraries through it ($ORIGIN).
        Run java = run(List.of(
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "--",
                "sh",
                "-c",
                "mount -t proc proc \"$0/proc\" && exec chroot --userspec=10001:10001 \"$0\" /opt/java/bin/java"
                        + " --add-modules jdk.incubator.vector -XshowSettings:properties --list-modules",
                rootfs.toString()));

        assertThat(java.exitCode()).as(java.output()).isZero();
        assertThat(java.output())
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

    private static byte[] verifiedBlob(Path layout, JsonNode descriptor) throws IOException {
        String digest = descriptor.path("digest").asText();
        assertThat(digest).startsWith("sha256:");
        Path blob = layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        long size = 0;
        try (InputStream in = Files.newInputStream(blob)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                size += n;
            }
        }
        assertThat("sha256:" + HexFormat.of().formatHex(sha256.digest()))
                .as("content of " + blob)
                .isEqualTo(digest);
        assertThat(size).as("size of " + blob).isEqualTo(descriptor.path("size").asLong());
        // Only the small JSON blobs are read back; layers are checked and left on disk.
        return size < 1 << 20 ? Files.readAllBytes(blob) : new byte[0];
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not end within 15 minutes");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static String lastLine(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.getLast();
    }
}
