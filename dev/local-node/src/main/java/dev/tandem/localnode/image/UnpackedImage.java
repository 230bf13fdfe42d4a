/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.image;

import java.nio.file.Path;

/**
 * An image whose layers are unpacked on the node, once per manifest digest; containers run on an overlay of it.
 *
 * @param reference the reference it was unpacked for
 * @param manifestDigest its identity
 * @param rootfs the unpacked root filesystem (never written: each container writes to its own upper directory)
 * @param config how to run it
 */
public record UnpackedImage(ImageReference reference, String manifestDigest, Path rootfs, ImageConfig config) {

    /** The image ID a container status shows: the repository and the manifest digest. */
    public String imageId() {
        return reference.name() + "@" + manifestDigest;
    }
}
