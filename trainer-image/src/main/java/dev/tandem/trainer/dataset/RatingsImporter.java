/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports {@code user,item,rating,timestamp} logs in the usual shapes — MovieLens {@code u.data} (tab),
 * {@code ratings.dat} ({@code ::}), {@code ratings.csv} (comma, with header) — and optionally a MovieLens
 * {@code movies.csv} / {@code movies.dat} item table. A rating becomes a watch ratio (rating / highest
 * rating seen). Malformed lines are counted by reason and reported with examples, never silently dropped.
 */
public final class RatingsImporter {

    private static final int EXAMPLES = 5;
    private static final Pattern YEAR = Pattern.compile("\\((\\d{4})\\)\\s*$");

    /**
     * What an import read and what it refused.
     *
     * @param lines data lines read (headers excluded)
     * @param imported events imported
     * @param malformed refused lines per reason
     * @param examples the first refused lines, with their line numbers
     */
    public record Report(long lines, long imported, Map<String, Long> malformed, List<String> examples) {
        public long malformedTotal() {
            return malformed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * What was read, before anything is written: check the reports, then {@link #writeTo} the dataset.
     *
     * @param events the imported events, ordered by time
     * @param catalog the items, from the item table where it names them
     * @param ratings what the ratings file held
     * @param items what the item table held, if one was given
     * @param source the line that describes the import
     */
    public record Parsed(WatchLog events, List<Item> catalog, Report ratings, Optional<Report> items, String source) {

        /** Writes the import as a content-addressed dataset version under {@code parent}. */
        public Dataset writeTo(Path parent) throws IOException {
            return DatasetWriter.write(parent, events, catalog, Optional.empty(), source);
        }
    }

    private RatingsImporter() {}

    /**
     * @param ratings the ratings file
     * @param movies an optional item table ({@code movies.csv} or {@code movies.dat})
     */
    public static Parsed read(Path ratings, Optional<Path> movies) throws IOException {
        Tally tally = new Tally();
        DatasetTsv.Columns columns = new DatasetTsv.Columns();
        List<Float> ratingValues = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(ratings, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = split(line);
                if (lineNumber == 1 && f.length > 0 && !isNumber(f[0].strip())) {
                    continue; // header
                }
                tally.lines++;
                if (f.length != 4) {
                    tally.refuse("expected 4 fields, found " + f.length, lineNumber, line);
                    continue;
                }
                try {
                    long user = Long.parseLong(f[0].strip());
                    long item = Long.parseLong(f[1].strip());
                    float rating = Float.parseFloat(f[2].strip());
                    long timestamp = Long.parseLong(f[3].strip());
                    if (item <= 0) {
                        tally.refuse("item id must be positive (0 is the padding value)", lineNumber, line);
                    } else if (!Float.isFinite(rating) || rating < 0) {
                        tally.refuse("rating must be a non-negative number", lineNumber, line);
                    } else if (timestamp < 0) {
                        tally.refuse("timestamp must not be negative", lineNumber, line);
                    } else {
                        columns.add(user, item, timestamp, rating);
                        ratingValues.add(rating);
                        tally.imported++;
                    }
                } catch (NumberFormatException e) {
                    tally.refuse("not a number", lineNumber, line);
                }
            }
        }
        WatchLog raw = columns.toLog();
        WatchLog events =
                asWatchRatios(raw, ratingValues.stream().max(Float::compare).orElse(1f));

        Optional<Report> itemReport = Optional.empty();
        Map<Long, Item> catalog = new LinkedHashMap<>();
        if (movies.isPresent()) {
            Tally itemTally = new Tally();
            readMovies(movies.get(), catalog, itemTally);
            itemReport = Optional.of(itemTally.report());
        }
        Map<Long, Long> firstSeen = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            firstSeen.putIfAbsent(events.item(i), events.timestamp(i));
        }
        TreeMap<Long, Item> items = new TreeMap<>();
        for (Map.Entry<Long, Long> e : firstSeen.entrySet()) {
            items.put(
                    e.getKey(),
                    catalog.getOrDefault(
                            e.getKey(), new Item(e.getKey(), "item " + e.getKey(), List.of(), e.getValue())));
        }
        catalog.forEach(items::putIfAbsent);
        return new Parsed(
                events, List.copyOf(items.values()), tally.report(), itemReport, "import " + ratings.getFileName());
    }

    private static WatchLog asWatchRatios(WatchLog log, float maxRating) {
        int n = log.size();
        long[] users = new long[n];
        long[] items = new long[n];
        long[] times = new long[n];
        float[] ratios = new float[n];
        for (int i = 0; i < n; i++) {
            users[i] = log.user(i);
            items[i] = log.item(i);
            times[i] = log.timestamp(i);
            ratios[i] = maxRating > 0 ? log.watchRatio(i) / maxRating : Float.NaN;
        }
        return new WatchLog(users, items, times, ratios);
    }

    private static void readMovies(Path file, Map<Long, Item> catalog, Tally tally) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            long lineNumber = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = line.contains("::") ? Arrays.asList(line.split("::", -1)) : csvFields(line);
                if (lineNumber == 1 && !f.isEmpty() && !isNumber(f.get(0).strip())) {
                    continue; // header
                }
                tally.lines++;
                if (f.size() != 3) {
                    tally.refuse("expected 3 fields (id, title, genres), found " + f.size(), lineNumber, line);
                    continue;
                }
                try {
                    long id = Long.parseLong(f.get(0).strip());
                    String title = f.get(1).strip();
                    List<String> genres = f.get(2).isBlank() || f.get(2).equals("(no genres listed)")
                            ? List.of()
                            : List.of(
                                    f.get(2).toLowerCase(java.util.Locale.ROOT).split("\\|"));
                    catalog.put(id, new Item(id, title, genres, releaseOf(title)));
                    tally.imported++;
                } catch (NumberFormatException e) {
                    tally.refuse("item id is not a number", lineNumber, line);
                }
            }
        }
    }

    /** MovieLens titles end in "(year)"; the item counts as released on January 1st of that year. */
    private static long releaseOf(String title) {
        Matcher m = YEAR.matcher(title);
        return m.find()
                ? LocalDate.of(Integer.parseInt(m.group(1)), 1, 1)
                        .atStartOfDay()
                        .toEpochSecond(ZoneOffset.UTC)
                : 0L;
    }

    private static String[] split(String line) {
        if (line.contains("::")) {
            return line.split("::", -1);
        }
        return line.split(line.indexOf('\t') >= 0 ? "\t" : ",", -1);
    }

    /** RFC 4180 fields: quoted fields may hold commas and doubled quotes. */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '-' || ch == '.');
    }

    private static final class Tally {
        long lines;
        long imported;
        final Map<String, Long> malformed = new TreeMap<>();
        final List<String> examples = new ArrayList<>();

        void refuse(String reason, long lineNumber, String line) {
            malformed.merge(reason, 1L, Long::sum);
            if (examples.size() < EXAMPLES) {
                examples.add("line " + lineNumber + " (" + reason + "): "
                        + (line.length() > 120 ? line.substring(0, 120) + "…" : line));
            }
        }

        Report report() {
            return new Report(
                    lines,
                    imported,
                    java.util.Collections.unmodifiableMap(new TreeMap<>(malformed)),
                    List.copyOf(examples));
        }
    }
}
