/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

/**
 * The time split every command agrees on: training uses events before the cutoff, offline evaluation the
 * events at or after it. The cutoff sits at a share of the logged time span, so a model is always tested on
 * a future it has not seen.
 */
public final class TimeSplit {

    /** The default share of the time span held out for evaluation. */
    public static final double DEFAULT_HOLDOUT = 0.1;

    private TimeSplit() {}

    /** The first second of the holdout period. */
    public static long cutoff(WatchLog log, double holdoutShare) {
        if (holdoutShare <= 0 || holdoutShare >= 1) {
            throw new IllegalArgumentException("holdout share must be in (0, 1): " + holdoutShare);
        }
        if (log.size() == 0) {
            return 0;
        }
        long first = log.timestamp(0);
        long last = log.timestamp(log.size() - 1);
        return last - (long) Math.floor((last - first) * holdoutShare);
    }
}
