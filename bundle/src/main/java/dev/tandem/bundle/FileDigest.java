/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

/**
 * What the manifest vouches for one file.
 *
 * @param sha256 lower-case hex sha256 of the file's bytes
 * @param sizeBytes the file's size
 */
public record FileDigest(String sha256, long sizeBytes) {}
