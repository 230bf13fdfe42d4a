/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

/** A predict body over {@code tandem.max-body-bytes} (HTTP 413). */
final class BodyTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long size, long limit) {
        super("the request body has " + size + " bytes; this server accepts at most " + limit, null, false, false);
    }
}
