/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

/**
 * How to call the user tower in the SavedModel.
 *
 * @param signature signature name, {@code serving_default}
 * @param input input tensor key: int64 {@code [batch, historyLength]} of item row numbers + 1, padded with {@link #padValue}
 * @param output output tensor key: float {@code [batch, dim]} user vectors
 * @param historyLength how many recent items the tower reads (L)
 * @param padValue the value that fills unused history slots (masked out of the pooling)
 */
public record TowerSignature(String signature, String input, String output, int historyLength, long padValue) {}
