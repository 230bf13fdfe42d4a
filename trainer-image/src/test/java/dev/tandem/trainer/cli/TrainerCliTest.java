/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.trainer.dataset.Dataset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainerCliTest {

    private static final Pattern VERSION = Pattern.compile("dataset (ds-[0-9a-f]{16})");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = TrainerCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void generateWritesAVerifiableVersionAndRepeatsIt() throws Exception {
        assertThat(run("generate", "--size", "tiny", "--seed", "7", "--out", dir.toString()))
                .isZero();
        String first = versionIn(out.toString());
        assertThat(run("generate", "--size", "tiny", "--seed", "7", "--out", dir.toString()))
                .isZero();

        assertThat(versionIn(out.toString().substring(out.toString().indexOf(first) + first.length())))
                .isEqualTo(first);
        assertThat(Dataset.open(dir.resolve(first)).manifest().events()).isEqualTo(20_000);
    }

    @Test
    void generateOverridesThePreset() throws Exception {
        assertThat(run(
                        "generate",
                        "--size",
                        "tiny",
                        "--users",
                        "50",
                        "--items",
                        "80",
                        "--events",
                        "400",
                        "--out",
                        dir.toString()))
                .isZero();

        Dataset dataset = Dataset.open(dir.resolve(versionIn(out.toString())));
        assertThat(dataset.manifest().items()).isEqualTo(80);
        assertThat(dataset.manifest().events()).isEqualTo(400);
        assertThat(dataset.manifest().source()).contains("users=50");
    }

    @Test
    void importWithTooManyMalformedLinesWritesNothingAndExitsThree() throws Exception {
        Path ratings = Files.writeString(dir.resolve("u.data"), "1\t10\t4\t100\n1\tx\t4\t100\n");

        assertThat(run(
                        "import",
                        "--ratings",
                        ratings.toString(),
                        "--out",
                        dir.resolve("out").toString()))
                .isEqualTo(3);
        assertThat(out.toString())
                .contains("ratings: 2 lines, 1 imported, 1 malformed")
                .contains("1 × not a number");
        assertThat(err.toString()).contains("nothing was written");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void importWithinTheMalformedLimitWritesTheDataset() throws Exception {
        Path ratings = Files.writeString(dir.resolve("u.data"), "1\t10\t4\t100\n1\tx\t4\t100\n");

        assertThat(run(
                        "import",
                        "--ratings",
                        ratings.toString(),
                        "--out",
                        dir.resolve("out").toString(),
                        "--max-malformed",
                        "0.5"))
                .isZero();
        assertThat(Dataset.open(dir.resolve("out").resolve(versionIn(out.toString())))
                        .manifest()
                        .events())
                .isEqualTo(1);
    }

    @Test
    void trainingOnATamperedDatasetExitsThreeBeforeContactingMlflow() throws Exception {
        Path version = smallDataset();
        Files.writeString(version.resolve("items.tsv"), "changed");

        assertThat(run("train", "--dataset", version.toString(), "--mlflow", "http://127.0.0.1:1", "--model", "m"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("changed: [items.tsv]");
    }

    @Test
    void trainingWithMlflowUnreachableExitsFour() throws Exception {
        Path version = smallDataset();

        assertThat(trainWithoutMlflow(version, "--epochs", "1")).isEqualTo(4);
        assertThat(err.toString()).contains("unreachable");
    }

    @Test
    void aSummaryThatCannotBeWrittenIsRefusedBeforeTraining() throws Exception {
        Path version = smallDataset();
        Path summary = dir.resolve("missing").resolve("summary.json");

        assertThat(trainWithoutMlflow(version, "--summary", summary.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--summary " + summary + ": its directory does not exist");
        assertThat(out.toString()).doesNotContain("training m");
    }

    @Test
    void trainHelpDescribesTheSummary() {
        assertThat(run("train", "--help")).isZero();
        assertThat(out.toString()).contains("--summary=<file>").contains("/dev/termination-log");
    }

    @Test
    void benchmarkPrintsThroughputAndQualityBesideReferences() {
        assertThat(run("benchmark", "--size", "tiny", "--epochs", "1", "--full-softmax-steps", "5"))
                .isZero();

        assertThat(out.toString())
                .contains("sampled softmax (1024 negatives, logQ), 1 epochs")
                .contains("full softmax, first 5 steps")
                .contains("co-occurrence")
                .containsPattern("recall_at_50 +0\\.\\d{4} +0\\.\\d{4} +0\\.\\d{4}")
                .contains("peak heap");
    }

    @Test
    void badCommandLineExitsTwoWithUsage() {
        assertThat(run("generate", "--size", "tiny")).isEqualTo(2);
        assertThat(err.toString())
                .contains("Missing required option: '--out=<out>'")
                .contains("Usage: tandem-trainer generate");
        assertThat(err.toString().strip().lines().toList().getLast())
                .as("the error comes last, where a Job's termination message keeps it")
                .isEqualTo("Missing required option: '--out=<out>'");
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("generate")
                .contains("import")
                .contains("train")
                .contains("decide")
                .contains("benchmark")
                .contains("3   invalid input data");
    }

    /** {@code train} of model {@code m} with MLflow unreachable, and {@code options}. */
    private int trainWithoutMlflow(Path dataset, String... options) {
        List<String> args = new ArrayList<>(
                List.of("train", "--dataset", dataset.toString(), "--mlflow", "http://127.0.0.1:1", "--model", "m"));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private Path smallDataset() {
        assertThat(run(
                        "generate",
                        "--size",
                        "tiny",
                        "--users",
                        "20",
                        "--items",
                        "30",
                        "--events",
                        "200",
                        "--out",
                        dir.toString()))
                .isZero();
        return dir.resolve(versionIn(out.toString()));
    }

    private static String versionIn(String text) {
        Matcher m = VERSION.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
