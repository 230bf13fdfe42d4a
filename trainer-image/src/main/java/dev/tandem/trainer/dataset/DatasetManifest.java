/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

import dev.tandem.bundle.FileDigest;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a dataset version holds; stored as {@code manifest.json} beside the data files.
 *
 * @param version content address: {@code ds-} and 16 hex digits of the sha256 over the data files' digests
 * @param events number of watch events
 * @param users number of distinct users
 * @param items number of catalog items
 * @param firstTimestamp earliest event, unix seconds
 * @param lastTimestamp latest event, unix seconds
 * @param source where the data came from (generator settings or imported file)
 * @param files data file name → digest (the manifest itself is not a data file)
 */
public record DatasetManifest(
        String version,
        long events,
        long users,
        long items,
        long firstTimestamp,
        long lastTimestamp,
        String source,
        SortedMap<String, FileDigest> files) {

    public DatasetManifest {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
