/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.recommend;

/**
 * Items for one request, best first, from one version pair.
 *
 * @param itemIds item ids
 * @param scores their scores: the model's inner product, plus the re-ranking blend when it is on
 * @param modelVersion the version of the pair (tower and index) that answered
 */
public record Recommendation(long[] itemIds, float[] scores, long modelVersion) {}
