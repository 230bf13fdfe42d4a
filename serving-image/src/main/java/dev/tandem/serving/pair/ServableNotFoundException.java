/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

/** No loaded version answers a request's model name, version or label (HTTP 404, gRPC NOT_FOUND). */
public final class ServableNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServableNotFoundException(String message) {
        super(message, null, false, false);
    }
}
