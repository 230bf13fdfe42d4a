/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

/**
 * The name part of a container image reference: {@code ghcr.io/acme/tandem-serving:0.1.0@sha256:…} is named
 * {@code tandem-serving}. The local node has one build of each image (the jars in the checkout), so the registry,
 * the path, the tag and the digest do not choose anything.
 *
 * @param reference the image reference as the pod spec gives it
 * @param name the last path component, without tag or digest
 */
public record ImageName(String reference, String name) {

    /** Parses a reference as Docker does: a tag is a {@code :} after the last {@code /}, a digest follows {@code @}. */
    public static ImageName parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("the container has no image");
        }
        String rest = reference.strip();
        int at = rest.indexOf('@');
        if (at >= 0) {
            rest = rest.substring(0, at);
        }
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            rest = rest.substring(0, colon);
        }
        return new ImageName(reference, rest.substring(slash + 1));
    }
}
