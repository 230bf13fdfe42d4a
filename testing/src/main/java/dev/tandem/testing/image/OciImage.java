/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.bundle.FileDigest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One image of an OCI image layout (a directory, or an {@code oci-archive} unpacked into one), read and checked the way
 * a runtime would before running it, and run the way a container would: its layers unpacked into a root filesystem
 * (umoci) and its entrypoint started under {@code chroot} as the image's user, in a mount namespace of its own with a
 * {@code /proc} (the Java launcher finds its libraries through it). No container runtime is needed; root is.
 *
 * @param layout the layout directory
 * @param reference the image's {@code org.opencontainers.image.ref.name}
 * @param manifest its manifest, checked against its digest
 * @param config its configuration, checked against its digest
 */
public record OciImage(Path layout, String reference, JsonNode manifest, JsonNode config) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final int SMALL_BLOB = 1 << 20;

    /** The layout's only image. */
    public static OciImage inLayout(Path layout) {
        JsonNode index = read(layout.resolve("index.json"));
        JsonNode manifests = index.path("manifests");
        if (manifests.size() != 1) {
            throw new IllegalStateException(layout + " holds " + manifests.size() + " images, not one");
        }
        JsonNode descriptor = manifests.get(0);
        JsonNode manifest = parse(verifiedBlob(layout, descriptor));
        JsonNode config = parse(verifiedBlob(layout, manifest.path("config")));
        return new OciImage(
                layout, descriptor.path("annotations").path(REF_NAME).asText(), manifest, config);
    }

    /** The only image of an {@code oci-archive}, unpacked into {@code directory}. */
    public static OciImage fromArchive(Path archive, Path directory) {
        Path layout = directory.resolve("layout");
        run(List.of("mkdir", "-p", layout.toString()));
        run(List.of("tar", "-xf", archive.toString(), "-C", layout.toString()));
        return inLayout(layout);
    }

    /**
     * Checks every layer against the digest and size its manifest gives (the manifest and configuration were checked
     * when the image was read).
     *
     * @return the layers' media types, bottom first
     */
    public List<String> verifyLayers() {
        List<String> types = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            verifiedBlob(layout, layer);
            types.add(layer.path("mediaType").asText());
        }
        return types;
    }

    /** The digest of its manifest ({@code sha256:…}), as the layout's index gives it: the image's identity. */
    public String manifestDigest() {
        return read(layout.resolve("index.json"))
                .path("manifests")
                .get(0)
                .path("digest")
                .asText();
    }

    /** The configuration's {@code config.User}, e.g. {@code 10001:10001}. */
    public String user() {
        return config.path("config").path("User").asText();
    }

    /** The configuration's labels. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        config.path("config")
                .path("Labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** The configuration's environment, as {@code KEY=VALUE}. */
    public List<String> env() {
        List<String> env = new ArrayList<>();
        config.path("config").path("Env").forEach(v -> env.add(v.asText()));
        return env;
    }

    /** The configuration's entrypoint. */
    public List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(v -> entrypoint.add(v.asText()));
        return entrypoint;
    }

    /** Unpacks the image's layers into {@code bundle}; returns its root filesystem. */
    public Path unpack(Path bundle) {
        run(List.of("umoci", "unpack", "--image", layout + ":" + reference, bundle.toString()));
        return bundle.resolve("rootfs");
    }

    /**
     * Starts the entrypoint with {@code args} in the unpacked {@code rootfs}, as the image's user, with the image's
     * environment plus {@code env}; its output goes to {@code log}. The process shares the host's network.
     */
    public Container start(Path rootfs, Map<String, String> env, List<String> args, Path log) {
        List<String> command = new ArrayList<>(List.of(
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "--",
                "sh",
                "-c",
                "mount -t proc proc \"$0/proc\" && user=$1 && shift && exec chroot --userspec=\"$user\" \"$0\" \"$@\"",
                rootfs.toString(),
                user(),
                "env",
                "-i"));
        command.addAll(env());
        env.forEach((key, value) -> command.add(key + "=" + value));
        command.addAll(entrypoint());
        command.addAll(args);
        try {
            return new Container(
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start(),
                    log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] verifiedBlob(Path layout, JsonNode descriptor) {
        String digest = descriptor.path("digest").asText();
        if (!digest.startsWith("sha256:")) {
            throw new IllegalStateException("not a sha256 digest: " + digest);
        }
        Path blob = layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
        try {
            FileDigest actual = FileDigest.of(blob);
            if (!("sha256:" + actual.sha256()).equals(digest)
                    || actual.sizeBytes() != descriptor.path("size").asLong()) {
                throw new IllegalStateException(blob + " is sha256:" + actual.sha256() + " of " + actual.sizeBytes()
                        + " bytes; its descriptor says " + digest + " of "
                        + descriptor.path("size").asLong());
            }
            // Only the small JSON blobs are read back; layers are checked and left on disk.
            return actual.sizeBytes() < SMALL_BLOB ? Files.readAllBytes(blob) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
