/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminationMessageTest {

    private static final String HEADER = "--- 2026-01-01T00:00:00Z starting: java -jar trainer.jar\n";

    @TempDir
    Path dir;

    private Path file;
    private Path log;

    @BeforeEach
    void files() throws IOException {
        file = Files.createFile(dir.resolve("termination-log"));
        log = Files.writeString(dir.resolve("c.log"), HEADER);
    }

    @Test
    void theDefaultPathIsDevTerminationLog() {
        assertThat(TerminationMessage.path(new ContainerBuilder().withName("c").build()))
                .isEqualTo("/dev/termination-log");
        assertThat(TerminationMessage.path(new ContainerBuilder()
                        .withName("c")
                        .withTerminationMessagePath("/out/summary.json")
                        .build()))
                .isEqualTo("/out/summary.json");
    }

    @Test
    void theFileIsTheMessageWhateverTheExitCode() throws IOException {
        Files.writeString(file, "{\"items\":3}\n");
        output("some output\n");

        assertThat(read(file(), 0)).contains("{\"items\":3}\n");
        assertThat(read(file(), 1)).contains("{\"items\":3}\n");
        assertThat(read(fallback(), 1)).contains("{\"items\":3}\n");
    }

    @Test
    void onlyTheLast4096BytesOfTheFileCount() throws IOException {
        String start = "s".repeat(100);
        String end = "e".repeat(4096);
        Files.writeString(file, start + end);

        assertThat(read(file(), 0)).contains(end);
    }

    @Test
    void withoutAMessageThereIsNoneUnderTheFilePolicyOrAfterSuccess() throws IOException {
        output("an error\n");

        assertThat(read(file(), 1)).isEmpty();
        assertThat(read(fallback(), 0)).isEmpty();
    }

    @Test
    void aFailedRunWithoutAMessageFallsBackToItsOutputWithoutTheNodesHeader() throws IOException {
        output("loading\nMissing required option: '--dataset'\n");

        assertThat(read(fallback(), 2)).contains("loading\nMissing required option: '--dataset'\n");
    }

    @Test
    void theFallbackKeepsTheLast80Lines() throws IOException {
        output(IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining()));

        String message = read(fallback(), 1).orElseThrow();

        assertThat(message).startsWith("line 21\n").endsWith("line 100\n");
        assertThat(message.lines()).hasSize(80);
    }

    @Test
    void aLastLineWithoutItsNewlineCountsWithTheLinesBeforeIt() throws IOException {
        output(IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining())
                + "partial");

        assertThat(read(fallback(), 1).orElseThrow()).startsWith("line 21\n").endsWith("line 100\npartial");
    }

    @Test
    void theFallbackKeepsTheLast2048BytesOfThoseLines() throws IOException {
        String longLine = "x".repeat(3000) + "\n";
        output("before\n" + longLine + "last\n");

        String message = read(fallback(), 1).orElseThrow();

        assertThat(message).hasSize(2048).endsWith("x\nlast\n").doesNotContain("before");
    }

    @Test
    void aRemovedFileFallsBackToo() throws IOException {
        Files.delete(file);
        output("gone\n");

        assertThat(read(fallback(), 1)).contains("gone\n");
        assertThat(read(file(), 1)).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadSaysSo() throws IOException {
        Files.delete(file);
        Files.createDirectory(file);

        assertThat(read(fallback(), 1))
                .hasValueSatisfying(m -> assertThat(m).startsWith("cannot read the termination message file " + file));
    }

    private Container file() {
        return new ContainerBuilder()
                .withName("c")
                .withTerminationMessagePolicy("File")
                .build();
    }

    private Container fallback() {
        return new ContainerBuilder()
                .withName("c")
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .build();
    }

    private void output(String text) throws IOException {
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private Optional<String> read(Container container, int exitCode) {
        return TerminationMessage.read(container, exitCode, file, log, HEADER.length());
    }
}
