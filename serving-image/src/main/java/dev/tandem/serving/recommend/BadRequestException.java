/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.recommend;

/**
 * A request the serving runtime refuses: wrong shapes, unknown items, k out of range. The API answers it with
 * 400 ({@code INVALID_ARGUMENT} over gRPC) and the message, in TF Serving's error shape.
 */
public final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message, null, false, false);
    }
}
