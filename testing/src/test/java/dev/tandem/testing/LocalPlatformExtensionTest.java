/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalPlatformExtensionTest {

    @Test
    void namespaceNameIsAValidDnsLabelDerivedFromTheMethod() {
        String name = LocalPlatformExtension.namespaceName("namespaceNameIsAValidDnsLabelDerivedFromTheMethod");

        assertThat(name)
                .startsWith("t-namespace-name-is-a-valid-dns-label-deri-")
                .hasSizeLessThanOrEqualTo(63);
        assertThat(name).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    @Test
    void methodNamesWithDigitsAndUnderscoresStillGiveADnsLabel() {
        assertThat(LocalPlatformExtension.namespaceName("test_42_X")).matches("t-test-42-x-[a-z0-9]+");
    }

    @Test
    void twoNamespacesForTheSameMethodDiffer() {
        assertThat(LocalPlatformExtension.namespaceName("same"))
                .isNotEqualTo(LocalPlatformExtension.namespaceName("same"));
    }
}
