/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

/** Seals an index directory: the graph is written; this adds the manifest with the digest of every file. */
public final class IndexWriter {

    private IndexWriter() {}

    /** Writes {@value IndexLayout#MANIFEST} with the digests of the files now in {@code directory}. */
    public static IndexManifest seal(Path directory, IndexManifest draft) throws IOException {
        SortedMap<String, FileDigest> digests = new TreeMap<>();
        for (Path file : BundleWriter.filesUnder(directory, IndexLayout.MANIFEST)) {
            digests.put(BundleWriter.relative(directory, file), FileDigest.of(file));
        }
        IndexManifest manifest = draft.withFiles(digests);
        ManifestJson.write(directory.resolve(IndexLayout.MANIFEST), manifest);
        return manifest;
    }
}
