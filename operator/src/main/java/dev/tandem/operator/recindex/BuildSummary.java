/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

/**
 * The one line of JSON {@code build-index --summary /dev/termination-log} leaves in its pod's termination message: the
 * index it built, why it built none, or — when the message is missing, cut short or not JSON — what could be read.
 */
public sealed interface BuildSummary {

    /**
     * An index was written (and uploaded, for storage MLflow).
     *
     * @param upload the MLflow artifact directory it was uploaded to, or null when it was not
     */
    record Built(
            String modelName,
            String modelVersion,
            int items,
            int dim,
            double buildSeconds,
            int probeQueries,
            double probeRecallAt10,
            String itemVectorsSha256,
            String upload)
            implements BuildSummary {}

    /**
     * No index came out.
     *
     * @param reason one CamelCase word, as build-index names it (InvalidBundle, BundleNotFound, UploadFailed, …)
     * @param error what went wrong, in words
     */
    record Failed(String reason, String error) implements BuildSummary {}

    /**
     * The message says nothing usable.
     *
     * @param why what was wrong with it, for a condition message
     * @param text the message itself (the end of the container's output, when the node fell back to its logs), or
     *     empty
     */
    record Unreadable(String why, String text) implements BuildSummary {}

    /** Parses a termination message; never throws. */
    static BuildSummary parse(String message) {
        return SummaryParser.parse(message);
    }
}
