/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code build-index} refusing its input before it builds anything: the exit status stays 2 and the
 * {@code --summary} file (a Job's termination message) says why in one CamelCase word.
 */
class BuildIndexCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ServingCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(stderr, true));
        return cli.execute(args);
    }

    private JsonNode summary() throws Exception {
        String text = Files.readString(dir.resolve("summary.json"));
        assertThat(text).doesNotContain("\n");
        return JSON.readTree(text);
    }

    @Test
    void anUnknownOptionValueIsReportedBeforeTheCommandRuns() throws Exception {
        int exit = run(
                "build-index",
                "--summary",
                dir.resolve("summary.json").toString(),
                "--bundle",
                dir.toString(),
                "--out",
                dir.resolve("index").toString(),
                "--mips",
                "cosine-please");

        assertThat(exit).isEqualTo(BuildIndexCommand.INVALID_INPUT);
        JsonNode summary = summary();
        assertThat(summary.path("reason").asText()).isEqualTo("InvalidParameters");
        assertThat(summary.path("error").asText()).contains("cosine-please");
    }

    @Test
    void aMissingRequiredOptionIsReportedThroughTheEqualsForm() throws Exception {
        int exit = run("build-index", "--summary=" + dir.resolve("summary.json"), "--out", dir.toString());

        assertThat(exit).isEqualTo(BuildIndexCommand.INVALID_INPUT);
        assertThat(summary().path("reason").asText()).isEqualTo("InvalidParameters");
        assertThat(summary().path("error").asText()).contains("--bundle");
    }

    @Test
    void hnswParametersOutOfRange() throws Exception {
        int exit = run(
                "build-index",
                "--bundle",
                dir.toString(),
                "--out",
                dir.resolve("index").toString(),
                "--max-degree",
                "1",
                "--summary",
                dir.resolve("summary.json").toString());

        assertThat(exit).isEqualTo(BuildIndexCommand.INVALID_INPUT);
        assertThat(summary().path("reason").asText()).isEqualTo("InvalidParameters");
        assertThat(summary().path("error").asText()).contains("maxDegree");
        assertThat(stderr.toString()).contains("maxDegree");
    }

    @Test
    void uploadNeedsMlflowAndAnArtifactUri() throws Exception {
        String[] base = {
            "build-index",
            "--bundle",
            dir.toString(),
            "--out",
            dir.resolve("index").toString(),
            "--summary",
            dir.resolve("summary.json").toString()
        };
        assertThat(run(concat(base, "--upload", "mlflow-artifacts:/1/run/artifacts/indexes/x")))
                .isEqualTo(BuildIndexCommand.INVALID_INPUT);
        assertThat(summary().path("reason").asText()).isEqualTo("InvalidParameters");
        assertThat(summary().path("error").asText()).contains("--mlflow");

        assertThat(run(concat(base, "--mlflow", "http://127.0.0.1:1", "--upload", "s3://bucket/indexes/x")))
                .isEqualTo(BuildIndexCommand.INVALID_INPUT);
        assertThat(summary().path("reason").asText()).isEqualTo("InvalidParameters");
        assertThat(summary().path("error").asText()).contains("s3://bucket/indexes/x");
    }

    @Test
    void anOutputDirectoryThatHoldsAnythingIsNeverWrittenOver() throws Exception {
        Path out = Files.createDirectories(dir.resolve("index"));
        Files.writeString(out.resolve("graph.jvector"), "an earlier index");

        int exit = run(
                "build-index",
                "--bundle",
                dir.toString(),
                "--out",
                out.toString(),
                "--summary",
                dir.resolve("summary.json").toString());

        assertThat(exit).isEqualTo(BuildIndexCommand.INVALID_INPUT);
        assertThat(summary().path("reason").asText()).isEqualTo("OutputNotEmpty");
        assertThat(Files.readString(out.resolve("graph.jvector"))).isEqualTo("an earlier index");
    }

    @Test
    void aBundleThatIsNotThereOrNotABundle() throws Exception {
        String summaryFile = dir.resolve("summary.json").toString();
        String out = dir.resolve("index").toString();

        assertThat(run(
                        "build-index",
                        "--bundle",
                        dir.resolve("nope").toString(),
                        "--out",
                        out,
                        "--summary",
                        summaryFile))
                .isEqualTo(BuildIndexCommand.INVALID_INPUT);
        assertThat(summary().path("reason").asText()).isEqualTo("BundleNotFound");

        Path empty = Files.createDirectories(dir.resolve("empty-bundle"));
        assertThat(run("build-index", "--bundle", empty.toString(), "--out", out, "--summary", summaryFile))
                .isEqualTo(BuildIndexCommand.INVALID_INPUT);
        assertThat(summary().path("reason").asText()).isEqualTo("InvalidBundle");
        assertThat(Files.exists(dir.resolve("index"))).isFalse();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
