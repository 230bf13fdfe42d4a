/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Verifies a bundle before anything uses it: the manifest, every file's size and sha256, that no file is
 * unaccounted for, and that the embeddings are what the manifest claims (counts, dimension, finite values,
 * unique ids, metadata aligned). A bundle that fails any check is refused with the {@link BundleProblem}.
 */
public final class BundleReader {

    private static final List<String> REQUIRED_FILES = List.of(
            BundleLayout.SAVED_MODEL_PB, BundleLayout.ITEM_IDS, BundleLayout.ITEM_VECTORS, BundleLayout.ITEM_METADATA);

    private BundleReader() {}

    /** Reads and checks the bundle in {@code directory}. */
    public static VerifiedBundle verify(Path directory) throws InvalidBundleException {
        try {
            BundleManifest manifest = readManifest(directory);
            verifyFiles(directory, BundleLayout.MANIFEST, manifest.files());
            ItemEmbeddings embeddings = readEmbeddings(directory, manifest);
            ItemMetadata metadata =
                    ItemMetadataTsv.read(directory.resolve(BundleLayout.ITEM_METADATA), embeddings.idsArray());
            return new VerifiedBundle(directory, manifest, embeddings, metadata);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidBundleException(
                    BundleProblem.MISSING_FILE, "cannot read bundle " + directory + ": " + e.getMessage(), e);
        }
    }

    private static BundleManifest readManifest(Path directory) throws InvalidBundleException {
        Path file = directory.resolve(BundleLayout.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new InvalidBundleException(
                    BundleProblem.MANIFEST_MISSING, "no " + BundleLayout.MANIFEST + " in " + directory);
        }
        BundleManifest manifest;
        try {
            manifest = ManifestJson.read(file);
        } catch (IOException e) {
            throw new InvalidBundleException(
                    BundleProblem.MANIFEST_INVALID,
                    BundleLayout.MANIFEST + " is not a valid manifest: " + firstLine(e),
                    e);
        }
        if (manifest.formatVersion() != BundleLayout.FORMAT_VERSION) {
            throw new InvalidBundleException(
                    BundleProblem.UNSUPPORTED_FORMAT,
                    "bundle format " + manifest.formatVersion() + " is not supported (this reader knows "
                            + BundleLayout.FORMAT_VERSION + ")");
        }
        requireField(manifest.modelName() != null && !manifest.modelName().isBlank(), "modelName");
        requireField(manifest.similarity() != null, "similarity");
        requireField(manifest.tower() != null, "tower");
        requireField(manifest.embeddingDim() > 0, "embeddingDim (positive)");
        requireField(manifest.itemCount() > 0, "itemCount (positive)");
        requireInside(directory, "bundle", manifest.files().keySet());
        for (String required : REQUIRED_FILES) {
            if (!manifest.files().containsKey(required)) {
                throw new InvalidBundleException(
                        BundleProblem.MISSING_FILE, "manifest does not list " + required + ", which every bundle has");
            }
        }
        return manifest;
    }

    /** Every file present is listed, every listed file is present with its size and sha256. */
    static void verifyFiles(Path directory, String manifestName, Map<String, FileDigest> files)
            throws IOException, InvalidBundleException {
        for (Path file : BundleWriter.filesUnder(directory, manifestName)) {
            String name = BundleWriter.relative(directory, file);
            if (!files.containsKey(name)) {
                throw new InvalidBundleException(
                        BundleProblem.UNLISTED_FILE, name + " is in " + directory + " but not in its manifest");
            }
        }
        for (Map.Entry<String, FileDigest> entry : files.entrySet()) {
            Path file = directory.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                throw new InvalidBundleException(BundleProblem.MISSING_FILE, entry.getKey() + " is missing");
            }
            FileDigest expected = entry.getValue();
            long size = Files.size(file);
            if (size != expected.sizeBytes()) {
                throw new InvalidBundleException(
                        BundleProblem.CHECKSUM_MISMATCH,
                        entry.getKey() + " has " + size + " bytes, the manifest says " + expected.sizeBytes());
            }
            FileDigest actual = FileDigest.of(file);
            if (!actual.sha256().equals(expected.sha256())) {
                throw new InvalidBundleException(
                        BundleProblem.CHECKSUM_MISMATCH,
                        entry.getKey() + " has sha256 " + actual.sha256() + ", the manifest says " + expected.sha256());
            }
        }
    }

    private static ItemEmbeddings readEmbeddings(Path directory, BundleManifest manifest)
            throws IOException, InvalidBundleException {
        int count = manifest.itemCount();
        int dim = manifest.embeddingDim();
        long idBytes = manifest.files().get(BundleLayout.ITEM_IDS).sizeBytes();
        if (idBytes != (long) count * Long.BYTES) {
            throw new InvalidBundleException(
                    BundleProblem.COUNT_MISMATCH,
                    BundleLayout.ITEM_IDS + " holds " + idBytes / Long.BYTES + " ids, the manifest says " + count
                            + " items");
        }
        long vectorBytes = manifest.files().get(BundleLayout.ITEM_VECTORS).sizeBytes();
        if (vectorBytes != (long) count * dim * Float.BYTES) {
            throw new InvalidBundleException(
                    BundleProblem.DIM_MISMATCH,
                    BundleLayout.ITEM_VECTORS + " holds " + vectorBytes / Float.BYTES + " floats, " + count
                            + " items of dim " + dim + " need " + (long) count * dim);
        }
        long[] ids = RawArrays.readLongs(directory.resolve(BundleLayout.ITEM_IDS), count);
        requireUnique(ids);
        if (ids.length > 0
                && Arrays.stream(ids).anyMatch(id -> id == manifest.tower().padValue())) {
            throw new InvalidBundleException(
                    BundleProblem.MANIFEST_INVALID,
                    "the pad value " + manifest.tower().padValue() + " is also an item id");
        }
        float[] vectors = RawArrays.readFloats(directory.resolve(BundleLayout.ITEM_VECTORS), count * dim);
        for (int i = 0; i < vectors.length; i++) {
            if (!Float.isFinite(vectors[i])) {
                throw new InvalidBundleException(
                        BundleProblem.NON_FINITE_EMBEDDING,
                        "item " + ids[i / dim] + " (row " + i / dim + ") has " + vectors[i] + " at component "
                                + i % dim);
            }
        }
        return new ItemEmbeddings(ids, vectors, dim);
    }

    static void requireInside(Path directory, String what, Iterable<String> names) throws InvalidBundleException {
        for (String name : names) {
            Path resolved = directory.resolve(name).normalize();
            if (!resolved.startsWith(directory.normalize()) || name.startsWith("/")) {
                throw new InvalidBundleException(
                        BundleProblem.MANIFEST_INVALID, "manifest lists a file outside the " + what + ": " + name);
            }
        }
    }

    private static void requireUnique(long[] ids) throws InvalidBundleException {
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new InvalidBundleException(
                        BundleProblem.DUPLICATE_ITEM_ID, "item id " + sorted[i] + " appears more than once");
            }
        }
    }

    private static void requireField(boolean present, String field) throws InvalidBundleException {
        if (!present) {
            throw new InvalidBundleException(BundleProblem.MANIFEST_INVALID, "manifest lacks " + field);
        }
    }

    static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
