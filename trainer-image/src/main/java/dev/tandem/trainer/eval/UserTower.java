/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.eval;

/** Computes user vectors from histories: the in-memory trained model or a loaded SavedModel. */
@FunctionalInterface
public interface UserTower {

    /** Row-major {@code [count, dim]} user vectors for {@code count × L} tower input values. */
    float[] userVectors(long[] histories, int count);
}
