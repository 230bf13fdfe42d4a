/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.image;

import java.util.Optional;

/**
 * A container image reference in the normal form runtimes compare: {@code tandem-serving:1} is
 * {@code docker.io/library/tandem-serving:1}, a reference without tag or digest has the tag {@code latest}.
 *
 * @param name the repository with its registry, e.g. {@code ghcr.io/tandem-dev/tandem-serving}
 * @param tag the tag, if any (absent when only a digest is given)
 * @param digest the manifest digest after {@code @}, if any
 */
public record ImageReference(String name, Optional<String> tag, Optional<String> digest) {

    private static final String DEFAULT_REGISTRY = "docker.io";

    /** Parses a reference as Docker does: a tag is a {@code :} after the last {@code /}, a digest follows {@code @}. */
    public static ImageReference parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("the container has no image");
        }
        String rest = reference.strip();
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        Optional<String> tag = Optional.empty();
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = Optional.of(rest.substring(colon + 1));
            rest = rest.substring(0, colon);
        }
        if (tag.isEmpty() && digest.isEmpty()) {
            tag = Optional.of("latest");
        }
        return new ImageReference(qualified(rest), tag, digest);
    }

    /** The last path component of the name, e.g. {@code tandem-serving}. */
    public String shortName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /**
     * Whether this reference, as a pod asks for it, names the image an archive holds: the same name with the same
     * tag, or the same name with the digest of the archive's manifest.
     */
    public boolean matches(ImageReference archived, String manifestDigest) {
        if (!name.equals(archived.name)) {
            return false;
        }
        if (digest.isPresent()) {
            return digest.get().equals(manifestDigest);
        }
        return tag.equals(archived.tag);
    }

    @Override
    public String toString() {
        return name
                + tag.map(t -> ":" + t).orElse("")
                + digest.map(d -> "@" + d).orElse("");
    }

    // Docker's rule: the first component names a registry only if it looks like a host (a dot, a port, localhost).
    private static String qualified(String name) {
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        if (slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
            return name;
        }
        return DEFAULT_REGISTRY + "/" + (slash < 0 ? "library/" + name : name);
    }
}
