/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.index;

import dev.tandem.bundle.MipsStrategy;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;

/**
 * {@link MipsStrategy#MOBIUS}: the graph's edges come from Euclidean neighbours of {@code x / |x|²}, its stored
 * vectors and searches are the model's own, compared by inner product. jvector's DOT_PRODUCT is documented for
 * unit vectors only because it reports {@code (1 + x·y) / 2} as a score in [0, 1]; for any vectors that is
 * still monotone in the inner product and inverts to it exactly, and searches pass no score threshold, so
 * scores below zero are kept.
 */
record MobiusSpace() implements GraphSpace {

    @Override
    public MipsStrategy strategy() {
        return MipsStrategy.MOBIUS;
    }

    @Override
    public int dimension(int modelDimension) {
        return modelDimension;
    }

    @Override
    public VectorSimilarityFunction function() {
        return VectorSimilarityFunction.DOT_PRODUCT;
    }

    /** {@code x / |x|²}; a zero vector, whose inner product is zero with every query, stays at the origin. */
    @Override
    public float[] buildItem(float[] vector) {
        double squared = 0;
        for (float x : vector) {
            squared += (double) x * x;
        }
        float[] out = new float[vector.length];
        if (squared == 0) {
            return out;
        }
        for (int k = 0; k < vector.length; k++) {
            out[k] = (float) (vector[k] / squared);
        }
        return out;
    }

    @Override
    public VectorSimilarityFunction buildFunction() {
        return VectorSimilarityFunction.EUCLIDEAN;
    }

    @Override
    public float[] item(float[] vector) {
        return vector;
    }

    @Override
    public float[] query(float[] userVector) {
        return userVector;
    }

    @Override
    public float innerProduct(float graphScore, float[] userVector) {
        return 2 * graphScore - 1;
    }
}
