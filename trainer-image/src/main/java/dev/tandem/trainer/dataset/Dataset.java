/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.bundle.FileDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One immutable dataset version: a watch log, an item table and, for synthetic data, each user's true
 * tastes. Opening a dataset checks every file against the manifest and the version against the content,
 * so a changed file is caught before it is trained on.
 *
 * @param directory where the dataset lives
 * @param manifest what it holds
 * @param events watch events ordered by time
 * @param items the catalog
 * @param userTastes genres each synthetic user was generated with; empty for imported data
 */
public record Dataset(
        Path directory,
        DatasetManifest manifest,
        WatchLog events,
        List<Item> items,
        Optional<Map<Long, List<String>>> userTastes) {

    static final String MANIFEST = "manifest.json";
    static final ObjectMapper JSON = new ObjectMapper();

    /** The content-addressed version, {@code ds-…}. */
    public String version() {
        return manifest.version();
    }

    /** Opens and verifies a dataset version directory. */
    public static Dataset open(Path directory) throws IOException, DatasetIntegrityException {
        Path manifestFile = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new DatasetIntegrityException(
                    "no " + MANIFEST + " in " + directory + "; is it a dataset version directory?");
        }
        DatasetManifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), DatasetManifest.class);
        } catch (IOException e) {
            throw new DatasetIntegrityException(directory + "/" + MANIFEST + " is not a dataset manifest", e);
        }
        TreeMap<String, FileDigest> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals(MANIFEST)) {
                    actual.put(name, FileDigest.of(file));
                }
            }
        }
        TreeSet<String> changed = new TreeSet<>(manifest.files().keySet());
        changed.addAll(actual.keySet());
        changed.removeIf(name -> manifest.files().containsKey(name)
                && actual.containsKey(name)
                && manifest.files().get(name).equals(actual.get(name)));
        String contentVersion = DatasetVersions.of(actual);
        if (!changed.isEmpty() || !contentVersion.equals(manifest.version())) {
            throw new DatasetIntegrityException("dataset " + directory + " claims version " + manifest.version()
                    + " but its files hash to " + contentVersion + (changed.isEmpty() ? "" : "; changed: " + changed));
        }
        WatchLog events = DatasetTsv.readEvents(directory.resolve(DatasetTsv.EVENTS));
        List<Item> items = DatasetTsv.readItems(directory.resolve(DatasetTsv.ITEMS));
        Path tastes = directory.resolve(DatasetTsv.USER_TASTES);
        Optional<Map<Long, List<String>>> userTastes =
                Files.isRegularFile(tastes) ? Optional.of(DatasetTsv.readTastes(tastes)) : Optional.empty();
        return new Dataset(directory, manifest, events, items, userTastes);
    }
}
