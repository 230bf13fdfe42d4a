/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@value BundleLayout#ITEM_METADATA}: a header, then {@code item_id, popularity, release_time} per row. */
final class ItemMetadataTsv {

    static final String HEADER = "item_id\tpopularity\trelease_time";

    private ItemMetadataTsv() {}

    static void write(Path file, long[] ids, ItemMetadata metadata) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (int row = 0; row < ids.length; row++) {
                out.write(ids[row] + "\t" + metadata.popularity()[row] + "\t" + metadata.releaseEpochSeconds()[row]);
                out.newLine();
            }
        }
    }

    /** Reads the rows and checks that they name exactly the given ids, in order. */
    static ItemMetadata read(Path file, long[] ids) throws IOException, InvalidBundleException {
        float[] popularity = new float[ids.length];
        long[] release = new long[ids.length];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw invalid("header must be '" + HEADER.replace("\t", "\\t") + "', is '" + header + "'");
            }
            int row = 0;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    continue;
                }
                if (row >= ids.length) {
                    throw new InvalidBundleException(
                            BundleProblem.COUNT_MISMATCH,
                            BundleLayout.ITEM_METADATA + " has more rows than the " + ids.length + " items");
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 3) {
                    throw invalid("line " + (row + 2) + " has " + fields.length + " fields, expected 3");
                }
                try {
                    long id = Long.parseLong(fields[0]);
                    if (id != ids[row]) {
                        throw invalid("line " + (row + 2) + " names item " + id + " where row " + row + " is item "
                                + ids[row]);
                    }
                    popularity[row] = Float.parseFloat(fields[1]);
                    release[row] = Long.parseLong(fields[2]);
                } catch (NumberFormatException e) {
                    throw invalid("line " + (row + 2) + " is not numeric: " + line);
                }
                row++;
            }
            if (row != ids.length) {
                throw new InvalidBundleException(
                        BundleProblem.COUNT_MISMATCH,
                        BundleLayout.ITEM_METADATA + " has " + row + " rows for " + ids.length + " items");
            }
        }
        return new ItemMetadata(popularity, release);
    }

    private static InvalidBundleException invalid(String what) {
        return new InvalidBundleException(BundleProblem.METADATA_INVALID, BundleLayout.ITEM_METADATA + ": " + what);
    }
}
