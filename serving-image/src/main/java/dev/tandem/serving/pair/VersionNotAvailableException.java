/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

/** A label was pointed at a version that is not available (HTTP 409, gRPC FAILED_PRECONDITION). */
public final class VersionNotAvailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VersionNotAvailableException(String message) {
        super(message, null, false, false);
    }
}
