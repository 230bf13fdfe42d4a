/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.trainer;

import dev.tandem.api.trainer.TrainSummary;
import java.nio.file.Path;

/**
 * One version the trainer registered for a test.
 *
 * @param summary what {@code train --summary} said of it: number, run, bundle URI, dataset version
 * @param output what the trainer printed while training it
 */
public record TrainedVersion(TrainSummary summary, String output) {

    /**
     * The bundle as the trainer wrote it, on this machine: every launcher here runs the trainer on this machine (the
     * local node runs a Job's container as a process, with its mount paths rewritten to this machine's).
     */
    public Path bundle() {
        return Path.of(summary.bundleDirectory());
    }
}
