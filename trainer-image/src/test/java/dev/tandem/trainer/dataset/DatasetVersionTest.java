/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetVersionTest {

    @TempDir
    Path parent;

    private static final List<Item> ITEMS = List.of(
            new Item(1, "Silent River", List.of("drama"), 1_000),
            new Item(2, "Paper Orbit", List.of("sci-fi", "comedy"), 2_000));

    private static WatchLog log(float lastRatio) {
        return new WatchLog(new long[] {7, 8, 7}, new long[] {1, 2, 2}, new long[] {100, 150, 200}, new float[] {
            0.5f, Float.NaN, lastRatio
        });
    }

    @Test
    void versionIsTheContentAddressAndNamesTheDirectory() throws Exception {
        Dataset written = DatasetWriter.write(parent, log(1f), ITEMS, Optional.empty(), "test");

        assertThat(written.version()).matches("ds-[0-9a-f]{16}");
        assertThat(written.directory()).isEqualTo(parent.resolve(written.version()));
        assertThat(written.manifest().events()).isEqualTo(3);
        assertThat(written.manifest().users()).isEqualTo(2);
        assertThat(written.manifest().firstTimestamp()).isEqualTo(100);
        assertThat(written.manifest().lastTimestamp()).isEqualTo(200);
    }

    @Test
    void sameDataGivesTheSameVersionAndDirectory() throws Exception {
        Dataset first = DatasetWriter.write(parent, log(1f), ITEMS, Optional.empty(), "test");
        Dataset second = DatasetWriter.write(parent, log(1f), ITEMS, Optional.empty(), "test");

        assertThat(second.version()).isEqualTo(first.version());
        try (var dirs = Files.list(parent)) {
            assertThat(dirs.toList()).containsExactly(first.directory());
        }
    }

    @Test
    void anyChangeInTheDataChangesTheVersion() throws Exception {
        Dataset original = DatasetWriter.write(parent, log(1f), ITEMS, Optional.empty(), "test");
        Dataset changed = DatasetWriter.write(parent, log(0.9f), ITEMS, Optional.empty(), "test");

        assertThat(changed.version()).isNotEqualTo(original.version());
    }

    @Test
    void openReadsBackWhatWasWritten() throws Exception {
        Dataset written = DatasetWriter.write(
                parent, log(1f), ITEMS, Optional.of(Map.of(7L, List.of("drama"), 8L, List.of("sci-fi"))), "test");

        Dataset opened = Dataset.open(written.directory());

        assertThat(opened.manifest()).isEqualTo(written.manifest());
        assertThat(opened.items()).isEqualTo(ITEMS);
        assertThat(opened.events().size()).isEqualTo(3);
        assertThat(opened.events().item(1)).isEqualTo(2);
        assertThat(opened.events().watchRatio(1)).isNaN();
        assertThat(opened.events().watchRatio(2)).isEqualTo(1f);
        assertThat(opened.userTastes()).contains(Map.of(7L, List.of("drama"), 8L, List.of("sci-fi")));
    }

    @Test
    void aChangedFileCannotPassForTheOldVersion() throws Exception {
        Dataset written = DatasetWriter.write(parent, log(1f), ITEMS, Optional.empty(), "test");
        Path events = written.directory().resolve("events.tsv");
        Files.writeString(events, Files.readString(events).replace("\t200\t", "\t201\t"));

        assertThatThrownBy(() -> Dataset.open(written.directory()))
                .isInstanceOf(DatasetIntegrityException.class)
                .hasMessageContaining("claims version " + written.version())
                .hasMessageContaining("changed: [events.tsv]");
    }

    @Test
    void addedOrRemovedFilesAreCaught() throws Exception {
        Dataset written = DatasetWriter.write(parent, log(1f), ITEMS, Optional.empty(), "test");
        Files.writeString(written.directory().resolve("extra.tsv"), "x");
        assertThatThrownBy(() -> Dataset.open(written.directory())).hasMessageContaining("changed: [extra.tsv]");

        Files.delete(written.directory().resolve("extra.tsv"));
        Files.delete(written.directory().resolve("items.tsv"));
        assertThatThrownBy(() -> Dataset.open(written.directory())).hasMessageContaining("changed: [items.tsv]");
    }

    @Test
    void directoryWithoutManifestIsExplained() {
        assertThatThrownBy(() -> Dataset.open(parent))
                .isInstanceOf(DatasetIntegrityException.class)
                .hasMessageContaining("is it a dataset version directory?");
    }

    @Test
    void eventsOutOfTimeOrderAreRefusedAndSortedKeepsTiesStable() {
        assertThatThrownBy(() -> new WatchLog(new long[] {1, 1}, new long[] {1, 2}, new long[] {5, 4}, new float[2]))
                .hasMessageContaining("ordered by time");

        WatchLog sorted = WatchLog.sorted(
                new long[] {1, 2, 3, 4}, new long[] {10, 20, 30, 40}, new long[] {9, 5, 9, 5}, new float[4]);
        assertThat(new long[] {sorted.user(0), sorted.user(1), sorted.user(2), sorted.user(3)})
                .containsExactly(2, 4, 1, 3);
    }
}
