/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.i2i;

/** Told after each batch of neighbour lists has reached Redis, on the thread that writes them. */
@FunctionalInterface
public interface ExportProgress {

    /**
     * @param written items whose neighbours are in the staging hash so far
     * @param total items of the version
     */
    void batchWritten(long written, long total);

    /** Nothing to report. */
    static ExportProgress none() {
        return (written, total) -> {};
    }

    /** This, then {@code next}. */
    default ExportProgress andThen(ExportProgress next) {
        return (written, total) -> {
            batchWritten(written, total);
            next.batchWritten(written, total);
        };
    }
}
