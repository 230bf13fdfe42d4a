/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Verifies an index directory against the bundle it is to be served with: the manifest, every file's size and
 * sha256, and that it was built from exactly this bundle's model version and embeddings. An index built from
 * another version is refused even when it is otherwise intact, so a pair never mixes versions.
 */
public final class IndexReader {

    private IndexReader() {}

    /** Reads and checks the index in {@code directory} for {@code bundle}. */
    public static VerifiedIndex verify(Path directory, BundleManifest bundle) throws InvalidBundleException {
        try {
            IndexManifest manifest = readManifest(directory);
            BundleReader.verifyFiles(directory, IndexLayout.MANIFEST, manifest.files());
            requireBuiltFrom(manifest, bundle);
            return new VerifiedIndex(directory, manifest);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidBundleException(
                    BundleProblem.MISSING_FILE, "cannot read index " + directory + ": " + e.getMessage(), e);
        }
    }

    private static IndexManifest readManifest(Path directory) throws InvalidBundleException {
        Path file = directory.resolve(IndexLayout.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new InvalidBundleException(
                    BundleProblem.MANIFEST_MISSING, "no " + IndexLayout.MANIFEST + " in " + directory);
        }
        IndexManifest manifest;
        try {
            manifest = ManifestJson.read(file, IndexManifest.class);
        } catch (IOException e) {
            throw new InvalidBundleException(
                    BundleProblem.MANIFEST_INVALID,
                    IndexLayout.MANIFEST + " is not a valid index manifest: " + BundleReader.firstLine(e),
                    e);
        }
        if (manifest.formatVersion() != IndexLayout.FORMAT_VERSION) {
            throw new InvalidBundleException(
                    BundleProblem.UNSUPPORTED_FORMAT,
                    "index format " + manifest.formatVersion() + " is not supported (this reader knows "
                            + IndexLayout.FORMAT_VERSION + ")");
        }
        if (manifest.reduction() == null || manifest.params() == null || !(manifest.maxItemNorm() > 0)) {
            throw new InvalidBundleException(
                    BundleProblem.MANIFEST_INVALID, "index manifest lacks reduction, params or a positive maxItemNorm");
        }
        BundleReader.requireInside(directory, "index", manifest.files().keySet());
        if (!manifest.files().containsKey(IndexLayout.GRAPH)) {
            throw new InvalidBundleException(
                    BundleProblem.MISSING_FILE, "index manifest does not list " + IndexLayout.GRAPH);
        }
        return manifest;
    }

    private static void requireBuiltFrom(IndexManifest index, BundleManifest bundle) throws InvalidBundleException {
        String built = index.modelName() + " version " + index.modelVersion();
        String paired = bundle.modelName() + " version " + bundle.modelVersion();
        if (!built.equals(paired)) {
            throw new InvalidBundleException(
                    BundleProblem.INDEX_MISMATCH, "the index was built from " + built + ", the bundle is " + paired);
        }
        if (!Objects.equals(index.itemVectorsSha256(), digest(bundle, BundleLayout.ITEM_VECTORS))
                || !Objects.equals(index.itemIdsSha256(), digest(bundle, BundleLayout.ITEM_IDS))) {
            throw new InvalidBundleException(
                    BundleProblem.INDEX_MISMATCH,
                    "the index was built from other embeddings than " + paired + " holds (item vectors sha256 "
                            + index.itemVectorsSha256() + ", bundle has " + digest(bundle, BundleLayout.ITEM_VECTORS)
                            + ")");
        }
        if (index.itemCount() != bundle.itemCount() || index.embeddingDim() != bundle.embeddingDim()) {
            throw new InvalidBundleException(
                    BundleProblem.INDEX_MISMATCH,
                    "the index holds " + index.itemCount() + " items of dim " + index.embeddingDim() + ", the bundle "
                            + bundle.itemCount() + " of dim " + bundle.embeddingDim());
        }
    }

    private static String digest(BundleManifest bundle, String file) {
        FileDigest digest = bundle.files().get(file);
        return digest == null ? null : digest.sha256();
    }
}
