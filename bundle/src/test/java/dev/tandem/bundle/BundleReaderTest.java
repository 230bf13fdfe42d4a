/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleReaderTest {

    private static final int DIM = 4;

    @TempDir
    Path dir;

    private BundleManifest written;

    @BeforeEach
    void writeValidBundle() throws IOException {
        written = writeBundle(new long[] {11, 12, 13}, vectors(3), DIM);
    }

    @Test
    void validBundleVerifiesAndReadsBack() throws Exception {
        VerifiedBundle bundle = BundleReader.verify(dir);

        assertThat(bundle.manifest()).isEqualTo(written);
        assertThat(bundle.manifest().files())
                .containsOnlyKeys(
                        "model/saved_model.pb",
                        "model/variables/variables.index",
                        BundleLayout.ITEM_IDS,
                        BundleLayout.ITEM_VECTORS,
                        BundleLayout.ITEM_METADATA);
        assertThat(bundle.embeddings().count()).isEqualTo(3);
        assertThat(bundle.embeddings().id(2)).isEqualTo(13);
        assertThat(bundle.embeddings().vector(1)).containsExactly(1.0f, 1.5f, 2.0f, 2.5f);
        assertThat(bundle.embeddings().dot(new float[] {1, 0, 0, 1}, 2)).isEqualTo(3.0f + 4.5f);
        assertThat(bundle.metadata().popularity()).containsExactly(0.5f, 0.25f, 0.25f);
        assertThat(bundle.metadata().releaseEpochSeconds()).containsExactly(1000L, 2000L, 3000L);
        assertThat(bundle.savedModelDir()).isEqualTo(dir.resolve("model"));
    }

    @Test
    void registeredVersionCanBeAddedWithoutTouchingDigests() throws Exception {
        BundleWriter.rewriteManifest(dir, written.withModelVersion("7").withOfflineMetrics(Map.of("recall@50", 0.31)));

        BundleManifest manifest = BundleReader.verify(dir).manifest();
        assertThat(manifest.modelVersion()).isEqualTo("7");
        assertThat(manifest.offlineMetrics()).containsEntry("recall@50", 0.31);
        assertThat(manifest.files()).isEqualTo(written.files());
    }

    @Test
    void missingManifest() throws Exception {
        Files.delete(dir.resolve(BundleLayout.MANIFEST));
        assertProblem(BundleProblem.MANIFEST_MISSING, "no manifest.json");
    }

    @Test
    void manifestThatIsNotJson() throws Exception {
        Files.writeString(dir.resolve(BundleLayout.MANIFEST), "{ not json");
        assertProblem(BundleProblem.MANIFEST_INVALID, "not a valid manifest");
    }

    @Test
    void manifestOfAnotherFormatVersion() throws Exception {
        replaceInManifest("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertProblem(BundleProblem.UNSUPPORTED_FORMAT, "bundle format 2");
    }

    @Test
    void missingFile() throws Exception {
        Files.delete(dir.resolve(BundleLayout.ITEM_VECTORS));
        assertProblem(BundleProblem.MISSING_FILE, BundleLayout.ITEM_VECTORS + " is missing");
    }

    @Test
    void fileTheManifestDoesNotVouchFor() throws Exception {
        Files.writeString(dir.resolve("model/variables/extra.bin"), "smuggled");
        assertProblem(BundleProblem.UNLISTED_FILE, "model/variables/extra.bin");
    }

    @Test
    void corruptedFileOfTheSameSize() throws Exception {
        Path pb = dir.resolve("model/saved_model.pb");
        byte[] bytes = Files.readAllBytes(pb);
        bytes[3] ^= 0x01;
        Files.write(pb, bytes);
        assertProblem(BundleProblem.CHECKSUM_MISMATCH, "model/saved_model.pb has sha256");
    }

    @Test
    void truncatedFile() throws Exception {
        Path vectors = dir.resolve(BundleLayout.ITEM_VECTORS);
        Files.write(vectors, Files.readAllBytes(vectors), java.nio.file.StandardOpenOption.APPEND);
        assertProblem(BundleProblem.CHECKSUM_MISMATCH, "the manifest says 48");
    }

    @Test
    void manifestDimensionDisagreesWithTheVectors() throws Exception {
        BundleWriter.rewriteManifest(dir, withDimAndCount(written, 8, 3));
        assertProblem(BundleProblem.DIM_MISMATCH, "3 items of dim 8 need 24");
    }

    @Test
    void manifestItemCountDisagreesWithTheIds() throws Exception {
        BundleWriter.rewriteManifest(dir, withDimAndCount(written, DIM, 4));
        assertProblem(BundleProblem.COUNT_MISMATCH, "holds 3 ids, the manifest says 4 items");
    }

    @Test
    void nanInAVector() throws Exception {
        float[] vectors = vectors(3);
        vectors[DIM + 2] = Float.NaN;
        writeBundle(new long[] {11, 12, 13}, vectors, DIM);
        assertProblem(BundleProblem.NON_FINITE_EMBEDDING, "item 12 (row 1) has NaN at component 2");
    }

    @Test
    void infinityInAVector() throws Exception {
        float[] vectors = vectors(3);
        vectors[0] = Float.NEGATIVE_INFINITY;
        writeBundle(new long[] {11, 12, 13}, vectors, DIM);
        assertProblem(BundleProblem.NON_FINITE_EMBEDDING, "item 11 (row 0) has -Infinity");
    }

    @Test
    void duplicateItemIds() throws Exception {
        writeBundle(new long[] {11, 12, 11}, vectors(3), DIM);
        assertProblem(BundleProblem.DUPLICATE_ITEM_ID, "item id 11 appears more than once");
    }

    @Test
    void metadataNamingItemsOutOfOrder() throws Exception {
        Path tsv = dir.resolve(BundleLayout.ITEM_METADATA);
        Files.writeString(tsv, Files.readString(tsv).replace("12\t", "99\t"));
        BundleWriter.seal(dir, written);
        assertProblem(BundleProblem.METADATA_INVALID, "line 3 names item 99 where row 1 is item 12");
    }

    @Test
    void metadataWithTooFewRows() throws Exception {
        Path tsv = dir.resolve(BundleLayout.ITEM_METADATA);
        String text = Files.readString(tsv);
        Files.writeString(tsv, text.substring(0, text.lastIndexOf("13\t")));
        BundleWriter.seal(dir, written);
        assertProblem(BundleProblem.COUNT_MISMATCH, "has 2 rows for 3 items");
    }

    @Test
    void padValueThatIsAlsoAnItem() throws Exception {
        writeBundle(new long[] {0, 12, 13}, vectors(3), DIM);
        assertProblem(BundleProblem.MANIFEST_INVALID, "pad value 0 is also an item id");
    }

    @Test
    void manifestNamingAFileOutsideTheBundle() throws Exception {
        replaceInManifest("\"model/saved_model.pb\"", "\"../outside.pb\"");
        assertProblem(BundleProblem.MANIFEST_INVALID, "outside the bundle: ../outside.pb");
    }

    private void assertProblem(BundleProblem problem, String messagePart) {
        assertThatThrownBy(() -> BundleReader.verify(dir))
                .isInstanceOfSatisfying(
                        InvalidBundleException.class,
                        e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessageContaining(messagePart);
    }

    private void replaceInManifest(String from, String to) throws IOException {
        Path manifest = dir.resolve(BundleLayout.MANIFEST);
        String json = Files.readString(manifest);
        assertThat(json).contains(from);
        Files.writeString(manifest, json.replace(from, to));
    }

    private BundleManifest writeBundle(long[] ids, float[] vectors, int dim) throws IOException {
        Files.createDirectories(dir.resolve("model/variables"));
        Files.write(dir.resolve("model/saved_model.pb"), "graph-def-bytes".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("model/variables/variables.index"), new byte[] {1, 2, 3});
        float[] popularity = {0.5f, 0.25f, 0.25f};
        long[] release = {1000, 2000, 3000};
        return BundleWriter.write(
                dir,
                draft(ids.length, dim),
                new ItemEmbeddings(ids, vectors, dim),
                new ItemMetadata(popularity, release));
    }

    private static BundleManifest draft(int count, int dim) {
        return new BundleManifest(
                BundleLayout.FORMAT_VERSION,
                "youtube-dnn",
                null,
                Similarity.DOT,
                dim,
                count,
                "ds-0123abcd",
                "test",
                Instant.parse("2026-11-23T00:00:00Z"),
                new TowerSignature("serving_default", "history", "user_vector", 20, 0),
                new TreeMap<>(Map.of("epochs", "3")),
                new TreeMap<>(),
                new TreeMap<>());
    }

    private static BundleManifest withDimAndCount(BundleManifest m, int dim, int count) {
        return new BundleManifest(
                m.formatVersion(),
                m.modelName(),
                m.modelVersion(),
                m.similarity(),
                dim,
                count,
                m.datasetVersion(),
                m.codeVersion(),
                m.createdAt(),
                m.tower(),
                m.trainingParams(),
                m.offlineMetrics(),
                m.files());
    }

    private static float[] vectors(int count) {
        float[] v = new float[count * DIM];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5f - 1.0f;
        }
        return v;
    }
}
