/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.image;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The image archive the module's build made with {@code -Pimages} ({@code dev/image}), as the build tells its
 * integration tests: system properties {@code tandem.image.archive} and {@code tandem.image.version}.
 *
 * @param archive the {@code oci-archive}
 * @param version the project version it is tagged with
 */
public record BuiltImage(Path archive, String version) {

    /** The module's image, or a failure that says how to build it. */
    public static BuiltImage ofThisModule() {
        String archive = System.getProperty("tandem.image.archive");
        String version = System.getProperty("tandem.image.version");
        if (archive == null || version == null || !Files.isRegularFile(Path.of(archive))) {
            throw new IllegalStateException("no image archive (" + archive + "): image ITs run in a build with"
                    + " -Pimages, which makes it at package (dev/image)");
        }
        return new BuiltImage(Path.of(archive), version);
    }

    /** Its layout, unpacked into {@code directory}, with blobs checked. */
    public OciImage open(Path directory) {
        return OciImage.fromArchive(archive, directory);
    }
}
