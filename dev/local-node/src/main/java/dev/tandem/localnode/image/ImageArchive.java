/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An {@code oci-archive} holding one image, as the build makes them ({@code dev/image}) and as {@code dev/node load}
 * takes them.
 *
 * @param file the archive
 * @param reference the image's {@code org.opencontainers.image.ref.name}
 * @param manifestDigest the digest of its manifest ({@code sha256:…}): the image's identity
 */
public record ImageArchive(Path file, ImageReference reference, String manifestDigest) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REF_NAME = "org.opencontainers.image.ref.name";

    /** Reads the archive's {@code index.json}; fails unless it names exactly one image by a full reference. */
    public static ImageArchive read(Path file) throws IOException {
        JsonNode manifests = JSON.readTree(indexJson(file)).path("manifests");
        if (manifests.size() != 1) {
            throw new IOException(file + " holds " + manifests.size() + " images, not one");
        }
        JsonNode descriptor = manifests.get(0);
        String ref = descriptor.path("annotations").path(REF_NAME).asText("");
        // A layout may name an image by its tag alone ("1.0"); such an archive says nothing of which image it is.
        if (ref.isEmpty() || !ref.contains(":") && !ref.contains("/")) {
            throw new IOException(file + " names its image " + (ref.isEmpty() ? "nothing" : ref)
                    + "; the node needs a full reference such as ghcr.io/acme/app:1.0 in " + REF_NAME);
        }
        return new ImageArchive(
                file, ImageReference.parse(ref), descriptor.path("digest").asText());
    }

    private static byte[] indexJson(Path file) throws IOException {
        Process tar = new ProcessBuilder("tar", "-xOf", file.toString(), "index.json")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (InputStream out = tar.getInputStream()) {
            byte[] index = out.readAllBytes();
            if (!tar.waitFor(1, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new IOException(file + " is not an oci-archive (tar finds no index.json in it)");
            }
            return index;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading " + file, e);
        }
    }
}
