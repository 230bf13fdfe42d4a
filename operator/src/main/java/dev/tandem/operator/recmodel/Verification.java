/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

/** The verdict on one model version's bundle. */
sealed interface Verification {

    /** Every file matched its manifest, and the manifest matches the registry and the spec. */
    record Verified(BundleFacts facts) implements Verification {}

    /** The bundle failed a check; the message says which, as the verifier put it. */
    record Refused(String message) implements Verification {}
}
