/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.recommend;

/**
 * What to find similar items for (autoplay: what to play after this title).
 *
 * @param itemId the item
 * @param exclude item ids that must not be returned (the item itself never is)
 * @param k how many items to return
 */
public record SimilarItemsRequest(long itemId, long[] exclude, int k) {}
