/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.bundle.BundleProblem;
import dev.tandem.bundle.BundleReader;
import dev.tandem.bundle.FileDigest;
import dev.tandem.bundle.IndexLayout;
import dev.tandem.bundle.IndexReader;
import dev.tandem.bundle.InvalidBundleException;
import dev.tandem.bundle.MipsStrategy;
import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.bundle.VerifiedIndex;
import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.mlflow.ModelRegistry;
import dev.tandem.mlflow.ModelVersion;
import dev.tandem.serving.ServingTestModels;
import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.index.ItemSearcher;
import dev.tandem.serving.index.ProbeRecall;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.trainer.TrainedVersions;
import io.github.jbellis.jvector.util.Bits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code build-index} on a version the trainer registered in the real MLflow: the index it writes verifies
 * against that version only, maps back into a graph that answers like exact search, and reports its recall;
 * uploaded, MLflow holds the same index, and the summary file says what was built (or why not) in one line.
 */
@LocalPlatformTest
class BuildIndexCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void buildsAnIndexThatBelongsToItsVersionOnly(LocalPlatform platform, @TempDir Path dir) throws Exception {
        TrainedVersions trained = ServingTestModels.train(platform.mlflowUrl(), dir, "build-index-it", 2);
        Path out = dir.resolve("index");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = ServingCli.commandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));

        int exit = cli.execute(
                "build-index",
                "--bundle",
                trained.uri(1),
                "--mlflow",
                platform.mlflowUrl().toString(),
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--out",
                out.toString(),
                "--probe-queries",
                "200");

        assertThat(exit).as(stderr.toString()).isZero();
        assertThat(stdout.toString()).contains("graph built in").contains("recall@10 on 200 probe user vectors");
        VerifiedBundle v1 = BundleReader.verify(trained.bundle(1));
        VerifiedIndex index = IndexReader.verify(out, v1.manifest());
        assertThat(index.manifest().modelVersion()).isEqualTo("1");
        assertThat(index.manifest().probeRecallAt10()).isGreaterThan(0.95);
        assertThat(index.manifest().params().maxDegree()).isEqualTo(32);

        // Version 2 was trained on the same items: the index must still refuse to pair with it.
        VerifiedBundle v2 = BundleReader.verify(trained.bundle(2));
        assertThatThrownBy(() -> IndexReader.verify(out, v2.manifest()))
                .isInstanceOfSatisfying(
                        InvalidBundleException.class,
                        e -> assertThat(e.problem()).isEqualTo(BundleProblem.INDEX_MISMATCH))
                .hasMessageContaining("built from " + trained.name() + " version 1");

        try (ItemGraph mapped = ItemGraph.load(v1.embeddings(), index);
                ItemSearcher searcher = mapped.searcher()) {
            float[] query = v1.embeddings().vector(5);
            int[] exact = ProbeRecall.exactTopK(v1.embeddings(), query, 10);
            ItemSearcher.Hit[] hits = searcher.search(query, 10, Bits.ALL);
            assertThat(hits).extracting(ItemSearcher.Hit::row).containsExactlyInAnyOrder(box(exact));
            assertThat(hits[0].score())
                    .isCloseTo(v1.embeddings().dot(query, exact[0]), org.assertj.core.data.Offset.offset(1e-3f));
        }

        assertThat(index.manifest().reduction()).isEqualTo(MipsStrategy.MOBIUS);

        // The extra-dimension reduction maps back into the space it was built in.
        Path extraOut = dir.resolve("index-extra");
        assertThat(cli.execute(
                        "build-index",
                        "--bundle",
                        trained.bundle(1).toString(),
                        "--mips",
                        "extra-dimension",
                        "--probe-queries",
                        "50",
                        "--out",
                        extraOut.toString()))
                .as(stderr.toString())
                .isZero();
        VerifiedIndex extra = IndexReader.verify(extraOut, v1.manifest());
        assertThat(extra.manifest().reduction()).isEqualTo(MipsStrategy.EXTRA_DIMENSION);
        try (ItemGraph mapped = ItemGraph.load(v1.embeddings(), extra);
                ItemSearcher searcher = mapped.searcher()) {
            float[] query = v1.embeddings().vector(7);
            int[] exact = ProbeRecall.exactTopK(v1.embeddings(), query, 1);
            ItemSearcher.Hit[] hits = searcher.search(query, 10, Bits.ALL);
            assertThat(hits[0].row()).isEqualTo(exact[0]);
            assertThat(hits[0].score())
                    .isCloseTo(v1.embeddings().dot(query, exact[0]), org.assertj.core.data.Offset.offset(1e-3f));
        }
        assertThat(cli.execute(
                        "build-index",
                        "--bundle",
                        trained.bundle(1).toString(),
                        "--mips",
                        "cosine-please",
                        "--out",
                        dir.resolve("never").toString()))
                .isEqualTo(BuildIndexCommand.INVALID_INPUT);
        assertThat(stderr.toString()).contains("unknown MIPS strategy 'cosine-please'; known: mobius, extra-dimension");

        // A second build never overwrites an index.
        assertThat(cli.execute("build-index", "--bundle", trained.bundle(1).toString(), "--out", out.toString()))
                .isEqualTo(BuildIndexCommand.INVALID_INPUT);
        assertThat(stderr.toString()).contains("is not empty");

        // A tampered graph file fails verification.
        Files.write(out.resolve(IndexLayout.GRAPH), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> IndexReader.verify(out, v1.manifest()))
                .isInstanceOfSatisfying(
                        InvalidBundleException.class,
                        e -> assertThat(e.problem()).isEqualTo(BundleProblem.CHECKSUM_MISMATCH));
    }

    @Test
    void uploadsTheIndexToMlflowAndSummarisesItInOneLine(LocalPlatform platform, @TempDir Path dir) throws Exception {
        TrainedVersions trained = ServingTestModels.train(platform.mlflowUrl(), dir, "build-index-upload-it", 1);
        ModelVersion v1 =
                new ModelRegistry(new MlflowRestClient(platform.mlflowUrl(), HTTP)).version(trained.name(), "1");
        // Beside the version's bundle, in its run's artifacts, where the operator puts a RecIndex's index.
        String uploadDir = v1.source().substring(0, v1.source().lastIndexOf('/')) + "/indexes/default";
        assertThat(uploadDir).startsWith("mlflow-artifacts:/");
        Path out = dir.resolve("index");
        Path summaryFile = dir.resolve("termination-log");
        StringWriter stderr = new StringWriter();
        CommandLine cli = ServingCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(stderr, true));
        java.util.function.BiFunction<String, Path, String[]> args = (bundleUri, outDir) -> new String[] {
            "build-index",
            "--bundle",
            bundleUri,
            "--mlflow",
            platform.mlflowUrl().toString(),
            "--cache-dir",
            dir.resolve("cache").toString(),
            "--out",
            outDir.toString(),
            "--probe-queries",
            "100",
            "--max-degree",
            "16",
            "--beam-width",
            "100",
            "--upload",
            uploadDir + "/",
            "--summary",
            summaryFile.toString()
        };

        assertThat(cli.execute(args.apply(trained.uri(1), out)))
                .as(stderr.toString())
                .isZero();

        String line = Files.readString(summaryFile);
        assertThat(line).doesNotContain("\n");
        assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThan(4096);
        JsonNode summary = JSON.readTree(line);
        VerifiedBundle bundle = BundleReader.verify(trained.bundle(1));
        VerifiedIndex local = IndexReader.verify(out, bundle.manifest());
        assertThat(summary.path("modelName").asText()).isEqualTo(trained.name());
        assertThat(summary.path("modelVersion").asText()).isEqualTo("1");
        assertThat(summary.path("items").asInt()).isEqualTo(bundle.embeddings().count());
        assertThat(summary.path("dim").asInt()).isEqualTo(bundle.embeddings().dim());
        assertThat(summary.path("mips").asText()).isEqualTo("mobius");
        assertThat(summary.path("maxDegree").asInt()).isEqualTo(16);
        assertThat(summary.path("beamWidth").asInt()).isEqualTo(100);
        assertThat(summary.path("overquery").asInt()).isEqualTo(10);
        assertThat(summary.path("buildSeconds").asDouble()).isPositive();
        assertThat(summary.path("probeQueries").asInt()).isEqualTo(100);
        assertThat(summary.path("probeRecallAt10").asDouble())
                .isEqualTo(local.manifest().probeRecallAt10())
                .isGreaterThan(0.9);
        assertThat(summary.path("graphBytes").asLong()).isEqualTo(Files.size(out.resolve(IndexLayout.GRAPH)));
        assertThat(summary.path("indexManifestSha256").asText())
                .isEqualTo(FileDigest.of(out.resolve(IndexLayout.MANIFEST)).sha256());
        assertThat(summary.path("itemVectorsSha256").asText())
                .isEqualTo(local.manifest().itemVectorsSha256());
        assertThat(summary.path("itemIdsSha256").asText())
                .isEqualTo(local.manifest().itemIdsSha256());
        assertThat(summary.path("out").asText()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(summary.path("upload").asText()).isEqualTo(uploadDir);

        // What MLflow holds is the same index, byte for byte, and verifies against the same version.
        Path downloaded = dir.resolve("downloaded");
        new MlflowArtifactProxy(platform.mlflowUrl(), HTTP).downloadDirectory(uploadDir, downloaded);
        VerifiedIndex remote = IndexReader.verify(downloaded, bundle.manifest());
        assertThat(remote.manifest()).isEqualTo(local.manifest());
        assertThat(Files.readAllBytes(downloaded.resolve(IndexLayout.GRAPH)))
                .isEqualTo(Files.readAllBytes(out.resolve(IndexLayout.GRAPH)));

        // A second build to the same MLflow directory is refused before it builds, and says so.
        assertThat(cli.execute(args.apply(trained.uri(1), dir.resolve("index-again"))))
                .isEqualTo(BuildIndexCommand.INVALID_INPUT);
        JsonNode refused = JSON.readTree(Files.readString(summaryFile));
        assertThat(refused.path("reason").asText()).isEqualTo("OutputNotEmpty");
        assertThat(refused.path("error").asText()).contains(uploadDir).contains("already holds an index");
        assertThat(Files.exists(dir.resolve("index-again"))).isFalse();

        // A version MLflow does not have.
        assertThat(cli.execute(args.apply("models:/" + trained.name() + "/7", dir.resolve("index-7"))))
                .isEqualTo(BuildIndexCommand.INVALID_INPUT);
        assertThat(JSON.readTree(Files.readString(summaryFile)).path("reason").asText())
                .isEqualTo("BundleNotFound");
    }

    private static Integer[] box(int[] rows) {
        return java.util.Arrays.stream(rows).boxed().toArray(Integer[]::new);
    }
}
