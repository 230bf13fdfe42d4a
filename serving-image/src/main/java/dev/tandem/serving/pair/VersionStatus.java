/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

import java.time.Instant;

/**
 * A version's state as reported to clients.
 *
 * @param version the model version
 * @param state where it is in its life
 * @param errorCode TF Serving's status code name ({@code OK}, or e.g. {@code FAILED_PRECONDITION} for a bundle
 *     that failed verification)
 * @param errorMessage empty when OK; otherwise what went wrong, for people
 * @param since when it entered this state
 */
public record VersionStatus(long version, VersionState state, String errorCode, String errorMessage, Instant since) {

    public static VersionStatus ok(long version, VersionState state) {
        return new VersionStatus(version, state, "OK", "", Instant.now());
    }

    public static VersionStatus failed(long version, String errorCode, String message) {
        return new VersionStatus(version, VersionState.END, errorCode, message, Instant.now());
    }
}
