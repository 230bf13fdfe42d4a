/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.bundle.VerifiedIndex;
import java.util.Optional;

/**
 * A pair whose files are local and verified: the bundle, and the index if one was given. Nothing native is
 * open yet.
 *
 * @param version the model version both belong to
 * @param bundle the verified bundle
 * @param index the verified index, or empty to build the graph
 */
public record ResolvedPair(long version, VerifiedBundle bundle, Optional<VerifiedIndex> index) {}
