/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.i2i;

import java.util.Optional;

/**
 * What an export did.
 *
 * @param version the version now current
 * @param items items whose neighbours the version holds
 * @param neighbours neighbour entries written in all (0 when nothing was written)
 * @param previous the version the pointer named before, if any
 * @param alreadyCurrent true when the version was current and complete, so nothing was written
 * @param seconds wall time of the export
 */
public record ExportResult(
        long version, long items, long neighbours, Optional<String> previous, boolean alreadyCurrent, double seconds) {

    /** Items exported per second. */
    public double itemsPerSecond() {
        return seconds > 0 ? items / seconds : 0;
    }
}
