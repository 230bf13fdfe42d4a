/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tab-separated data files of a dataset version, each with a header line. */
final class DatasetTsv {

    static final String EVENTS = "events.tsv";
    static final String ITEMS = "items.tsv";
    static final String USER_TASTES = "user_tastes.tsv";

    static final String EVENTS_HEADER = "user_id\titem_id\ttimestamp\twatch_ratio";
    static final String ITEMS_HEADER = "item_id\ttitle\tgenres\trelease_time";
    static final String TASTES_HEADER = "user_id\tgenres";

    private DatasetTsv() {}

    static void writeEvents(Path file, WatchLog log) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(EVENTS_HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(64);
            for (int i = 0; i < log.size(); i++) {
                line.setLength(0);
                line.append(log.user(i))
                        .append('\t')
                        .append(log.item(i))
                        .append('\t')
                        .append(log.timestamp(i))
                        .append('\t');
                float ratio = log.watchRatio(i);
                if (!Float.isNaN(ratio)) {
                    line.append(ratio);
                }
                line.append('\n');
                out.append(line);
            }
        }
    }

    static WatchLog readEvents(Path file) throws IOException {
        Columns columns = new Columns();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            expectHeader(file, in.readLine(), EVENTS_HEADER);
            int lineNumber = 1;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                int a = line.indexOf('\t');
                int b = line.indexOf('\t', a + 1);
                int c = line.indexOf('\t', b + 1);
                if (a < 0 || b < 0 || c < 0) {
                    throw new IOException(file + " line " + lineNumber + ": expected 4 tab-separated fields");
                }
                try {
                    columns.add(
                            Long.parseLong(line, 0, a, 10),
                            Long.parseLong(line, a + 1, b, 10),
                            Long.parseLong(line, b + 1, c, 10),
                            c + 1 == line.length() ? Float.NaN : Float.parseFloat(line.substring(c + 1)));
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        }
        return columns.toLog();
    }

    static void writeItems(Path file, List<Item> items) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ITEMS_HEADER);
            out.write('\n');
            for (Item item : items) {
                out.write(item.id() + "\t" + item.title().replaceAll("[\\t\\r\\n]", " ") + "\t"
                        + String.join(
                                "|",
                                item.genres().stream()
                                        .map(DatasetTsv::cleanGenre)
                                        .toList()) + "\t"
                        + item.releaseEpochSeconds() + "\n");
            }
        }
    }

    static List<Item> readItems(Path file) throws IOException {
        List<Item> items = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            expectHeader(file, in.readLine(), ITEMS_HEADER);
            int lineNumber = 1;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IOException(file + " line " + lineNumber + ": expected 4 tab-separated fields");
                }
                try {
                    List<String> genres = f[2].isEmpty() ? List.of() : Arrays.asList(f[2].split("\\|"));
                    items.add(new Item(Long.parseLong(f[0]), f[1], genres, Long.parseLong(f[3])));
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        }
        return items;
    }

    static void writeTastes(Path file, Map<Long, List<String>> tastes) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(TASTES_HEADER);
            out.write('\n');
            for (Map.Entry<Long, List<String>> e : tastes.entrySet()) {
                out.write(e.getKey() + "\t" + String.join("|", e.getValue()) + "\n");
            }
        }
    }

    static Map<Long, List<String>> readTastes(Path file) throws IOException {
        Map<Long, List<String>> tastes = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            expectHeader(file, in.readLine(), TASTES_HEADER);
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                tastes.put(Long.parseLong(f[0]), List.of(f[1].split("\\|")));
            }
        }
        return tastes;
    }

    private static void expectHeader(Path file, String header, String expected) throws IOException {
        if (!expected.equals(header)) {
            throw new IOException(file + ": header must be '" + expected.replace("\t", "\\t") + "'");
        }
    }

    /** Tabs, newlines and the genre separator would break the format. */
    private static String cleanGenre(String text) {
        return text.replaceAll("[\\t\\r\\n|]", " ");
    }

    /** Growable primitive columns. */
    static final class Columns {
        private long[] users = new long[1024];
        private long[] items = new long[1024];
        private long[] timestamps = new long[1024];
        private float[] ratios = new float[1024];
        private int size;

        void add(long user, long item, long timestamp, float ratio) {
            if (size == users.length) {
                int capacity = size + (size >> 1);
                users = Arrays.copyOf(users, capacity);
                items = Arrays.copyOf(items, capacity);
                timestamps = Arrays.copyOf(timestamps, capacity);
                ratios = Arrays.copyOf(ratios, capacity);
            }
            users[size] = user;
            items[size] = item;
            timestamps[size] = timestamp;
            ratios[size] = ratio;
            size++;
        }

        int size() {
            return size;
        }

        WatchLog toLog() {
            return WatchLog.sorted(
                    Arrays.copyOf(users, size),
                    Arrays.copyOf(items, size),
                    Arrays.copyOf(timestamps, size),
                    Arrays.copyOf(ratios, size));
        }
    }
}
