/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import java.nio.file.Path;

/**
 * An index directory whose files match its manifest and whose manifest names the bundle it is paired with.
 *
 * @param directory the index directory
 * @param manifest its manifest
 */
public record VerifiedIndex(Path directory, IndexManifest manifest) {

    /** The graph file. */
    public Path graphFile() {
        return directory.resolve(IndexLayout.GRAPH);
    }
}
