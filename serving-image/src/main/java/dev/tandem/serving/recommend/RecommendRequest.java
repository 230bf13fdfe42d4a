/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.recommend;

/**
 * What to recommend for one user.
 *
 * @param history the user's recent item ids, most recent last; the tower reads the last L
 * @param exclude item ids that must not be returned (the history is never returned either)
 * @param k how many items to return
 */
public record RecommendRequest(long[] history, long[] exclude, int k) {}
