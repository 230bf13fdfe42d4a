/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

import dev.tandem.bundle.FileDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * Content addresses for datasets: the version is a hash of every data file's name and sha256, so the same
 * data always has the same version and a changed file cannot pass for an old version.
 */
final class DatasetVersions {

    static final String PREFIX = "ds-";

    private DatasetVersions() {}

    static String of(SortedMap<String, FileDigest> files) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        for (Map.Entry<String, FileDigest> file : files.entrySet()) {
            digest.update((file.getKey() + "\0" + file.getValue().sha256() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return PREFIX + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
