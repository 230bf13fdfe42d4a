/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

import dev.tandem.bundle.FileDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a dataset version under a parent directory, named by its content address: {@code <parent>/ds-…}.
 * Writing the same data twice yields the same directory; an existing version is never overwritten.
 */
public final class DatasetWriter {

    private DatasetWriter() {}

    /**
     * @param parent directory that holds dataset versions
     * @param source a line saying where the data came from
     * @return the written (or already present, identical) dataset
     */
    public static Dataset write(
            Path parent, WatchLog events, List<Item> items, Optional<Map<Long, List<String>>> userTastes, String source)
            throws IOException {
        Files.createDirectories(parent);
        Path scratch = Files.createTempDirectory(parent, ".writing-");
        try {
            DatasetTsv.writeEvents(scratch.resolve(DatasetTsv.EVENTS), events);
            DatasetTsv.writeItems(scratch.resolve(DatasetTsv.ITEMS), items);
            if (userTastes.isPresent()) {
                DatasetTsv.writeTastes(scratch.resolve(DatasetTsv.USER_TASTES), new TreeMap<>(userTastes.get()));
            }
            SortedMap<String, FileDigest> files = new TreeMap<>();
            for (String name : List.of(DatasetTsv.EVENTS, DatasetTsv.ITEMS, DatasetTsv.USER_TASTES)) {
                Path file = scratch.resolve(name);
                if (Files.exists(file)) {
                    files.put(name, FileDigest.of(file));
                }
            }
            DatasetManifest manifest = new DatasetManifest(
                    DatasetVersions.of(files),
                    events.size(),
                    distinctUsers(events),
                    items.size(),
                    events.size() == 0 ? 0 : events.timestamp(0),
                    events.size() == 0 ? 0 : events.timestamp(events.size() - 1),
                    source,
                    files);
            Dataset.JSON
                    .writerWithDefaultPrettyPrinter()
                    .writeValue(scratch.resolve(Dataset.MANIFEST).toFile(), manifest);

            Path target = parent.resolve(manifest.version());
            if (Files.exists(target)) {
                // Same content address, same data: the version is already there.
                deleteRecursively(scratch);
            } else {
                Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Dataset(target, manifest, events, List.copyOf(items), userTastes);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(scratch);
            throw e;
        }
    }

    private static long distinctUsers(WatchLog events) {
        Set<Long> users = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            users.add(events.user(i));
        }
        return users.size();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
