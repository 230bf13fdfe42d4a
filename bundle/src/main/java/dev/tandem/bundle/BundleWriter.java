/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Completes a bundle directory: the trainer has exported the SavedModel under
 * {@value BundleLayout#SAVED_MODEL_DIR}; this writes the embeddings and metadata, then the manifest with
 * the sha256 of every file present.
 */
public final class BundleWriter {

    private BundleWriter() {}

    /**
     * @param directory the bundle directory, holding the SavedModel already
     * @param draft the manifest without file digests; its dim and item count must match the embeddings
     * @return the manifest as written
     */
    public static BundleManifest write(
            Path directory, BundleManifest draft, ItemEmbeddings embeddings, ItemMetadata metadata) throws IOException {
        if (draft.embeddingDim() != embeddings.dim() || draft.itemCount() != embeddings.count()) {
            throw new IllegalArgumentException("manifest says " + draft.itemCount() + " items of dim "
                    + draft.embeddingDim() + ", embeddings hold " + embeddings.count() + " of dim " + embeddings.dim());
        }
        if (metadata.count() != embeddings.count()) {
            throw new IllegalArgumentException(
                    "metadata has " + metadata.count() + " rows for " + embeddings.count() + " items");
        }
        if (!Files.isRegularFile(directory.resolve(BundleLayout.SAVED_MODEL_PB))) {
            throw new IllegalArgumentException("export the SavedModel to "
                    + directory.resolve(BundleLayout.SAVED_MODEL_DIR) + " before writing the bundle");
        }
        Path embeddingsDir = directory.resolve(BundleLayout.ITEM_IDS).getParent();
        Files.createDirectories(embeddingsDir);
        RawArrays.writeLongs(directory.resolve(BundleLayout.ITEM_IDS), embeddings.idsArray());
        RawArrays.writeFloats(directory.resolve(BundleLayout.ITEM_VECTORS), embeddings.vectorsArray());
        ItemMetadataTsv.write(directory.resolve(BundleLayout.ITEM_METADATA), embeddings.idsArray(), metadata);
        return seal(directory, draft);
    }

    /** Writes the manifest with the digest of every file now in the directory. */
    static BundleManifest seal(Path directory, BundleManifest draft) throws IOException {
        SortedMap<String, FileDigest> digests = new TreeMap<>();
        for (Path file : filesUnder(directory)) {
            digests.put(relative(directory, file), FileDigest.of(file));
        }
        BundleManifest manifest = draft.withFiles(digests);
        ManifestJson.write(directory.resolve(BundleLayout.MANIFEST), manifest);
        return manifest;
    }

    /**
     * Replaces the manifest's descriptive fields (say, the registered version or new offline metrics) while
     * keeping the file digests it already vouches for.
     */
    public static void rewriteManifest(Path directory, BundleManifest manifest) throws IOException {
        BundleManifest current = ManifestJson.read(directory.resolve(BundleLayout.MANIFEST));
        ManifestJson.write(directory.resolve(BundleLayout.MANIFEST), manifest.withFiles(current.files()));
    }

    /** Every regular file of the bundle but the manifest, as paths. */
    static List<Path> filesUnder(Path directory) throws IOException {
        return filesUnder(directory, BundleLayout.MANIFEST);
    }

    /** Every regular file under the directory but its manifest. */
    static List<Path> filesUnder(Path directory, String manifest) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !relative(directory, p).equals(manifest))
                    .sorted()
                    .toList();
        }
    }

    /** Bundle-relative path with forward slashes, as the manifest names files. */
    static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }
}
