/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    private static final String DIGEST = "sha256:" + "b".repeat(64);

    @Test
    void normalisesAsDockerDoes() {
        assertThat(ImageReference.parse("tandem-serving").toString())
                .isEqualTo("docker.io/library/tandem-serving:latest");
        assertThat(ImageReference.parse("acme/app:1").toString()).isEqualTo("docker.io/acme/app:1");
        assertThat(ImageReference.parse("localhost:5000/app").toString()).isEqualTo("localhost:5000/app:latest");
        assertThat(ImageReference.parse("ghcr.io/tandem-dev/tandem-serving:0.1.0@" + DIGEST)
                        .toString())
                .isEqualTo("ghcr.io/tandem-dev/tandem-serving:0.1.0@" + DIGEST);
        assertThat(ImageReference.parse("ghcr.io/tandem-dev/tandem-serving:0.1.0")
                        .shortName())
                .isEqualTo("tandem-serving");
    }

    @Test
    void matchesTheSameNameWithTheSameTagOrTheManifestsDigest() {
        ImageReference archived = ImageReference.parse("ghcr.io/tandem-dev/tandem-serving:0.1.0");

        assertThat(ImageReference.parse("ghcr.io/tandem-dev/tandem-serving:0.1.0")
                        .matches(archived, DIGEST))
                .isTrue();
        assertThat(ImageReference.parse("ghcr.io/tandem-dev/tandem-serving@" + DIGEST)
                        .matches(archived, DIGEST))
                .isTrue();
        assertThat(ImageReference.parse("ghcr.io/tandem-dev/tandem-serving:0.2.0")
                        .matches(archived, DIGEST))
                .isFalse();
        assertThat(ImageReference.parse("ghcr.io/other/tandem-serving:0.1.0").matches(archived, DIGEST))
                .isFalse();
        assertThat(ImageReference.parse("ghcr.io/tandem-dev/tandem-serving@sha256:" + "c".repeat(64))
                        .matches(archived, DIGEST))
                .isFalse();
    }
}
