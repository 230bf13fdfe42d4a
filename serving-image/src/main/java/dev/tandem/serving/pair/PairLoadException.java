/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

/**
 * A pair could not be loaded. {@link #code()} is the TF Serving status code name the version's status reports:
 * {@code NOT_FOUND} (no such bundle or version), {@code FAILED_PRECONDITION} (it failed verification or
 * disagrees with its index), {@code UNAVAILABLE} (MLflow could not be reached), {@code INTERNAL} (loading or
 * warm-up failed).
 */
public final class PairLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public PairLoadException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
