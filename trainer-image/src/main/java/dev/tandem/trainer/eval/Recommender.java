/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.eval;

import java.util.List;

/** Ranks items (rows) for held-out users; a model or a baseline. */
public interface Recommender {

    /** A short name for tables, e.g. {@code model}, {@code popularity}. */
    String name();

    /** The top {@code k} rows for each user, never rows the user has seen. */
    List<int[]> recommend(List<Holdout.User> users, int k);
}
