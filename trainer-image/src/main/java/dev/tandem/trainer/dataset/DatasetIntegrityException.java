/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

/** A dataset directory is not what its manifest says: a file changed, went missing or was added. */
public final class DatasetIntegrityException extends Exception {

    private static final long serialVersionUID = 1L;

    public DatasetIntegrityException(String message) {
        super(message);
    }

    public DatasetIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
