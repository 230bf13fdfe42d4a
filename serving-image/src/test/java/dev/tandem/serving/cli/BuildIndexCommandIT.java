/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.bundle.BundleProblem;
import dev.tandem.bundle.BundleReader;
import dev.tandem.bundle.IndexLayout;
import dev.tandem.bundle.IndexReader;
import dev.tandem.bundle.InvalidBundleException;
import dev.tandem.bundle.MipsStrategy;
import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.bundle.VerifiedIndex;
import dev.tandem.serving.TrainedModels;
import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.index.ItemSearcher;
import dev.tandem.serving.index.ProbeRecall;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import io.github.jbellis.jvector.util.Bits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code build-index} on a version the trainer registered in the real MLflow: the index it writes verifies
 * against that version only, maps back into a graph that answers like exact search, and reports its recall.
 */
@LocalPlatformTest
class BuildIndexCommandIT {

    @Test
    void buildsAnIndexThatBelongsToItsVersionOnly(LocalPlatform platform, @TempDir Path dir) throws Exception {
        TrainedModels.Trained trained = TrainedModels.train(platform.mlflowUrl(), dir, "build-index-it", 2);
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

    private static Integer[] box(int[] rows) {
        return java.util.Arrays.stream(rows).boxed().toArray(Integer[]::new);
    }
}
