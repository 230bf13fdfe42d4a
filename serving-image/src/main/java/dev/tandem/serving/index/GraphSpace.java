/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.index;

import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.bundle.MipsStrategy;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;

/**
 * The vector spaces a graph is built and searched in for one {@link MipsStrategy}, and the way back from
 * jvector's scores to the model's inner products. The graph stores and is searched with {@link #item} vectors;
 * its edges may come from other ones ({@link #buildItem}).
 */
sealed interface GraphSpace permits MobiusSpace, ExtraDimensionSpace {

    /** The space for these items. */
    static GraphSpace fit(MipsStrategy strategy, ItemEmbeddings items) {
        return switch (strategy) {
            case EXTRA_DIMENSION -> ExtraDimensionSpace.fit(items);
            case MOBIUS -> new MobiusSpace();
        };
    }

    /** The space an index was built in, from what its manifest records. */
    static GraphSpace of(MipsStrategy strategy, double maxItemNorm) {
        return switch (strategy) {
            case EXTRA_DIMENSION -> ExtraDimensionSpace.withMaxNorm(maxItemNorm);
            case MOBIUS -> new MobiusSpace();
        };
    }

    MipsStrategy strategy();

    /** The graph's vector dimension for a model of this one. */
    int dimension(int modelDimension);

    /** The similarity jvector searches with. */
    VectorSimilarityFunction function();

    /** An item vector as the graph stores and searches it. */
    float[] item(float[] vector);

    /** An item vector as the graph's edges are chosen by. */
    default float[] buildItem(float[] vector) {
        return item(vector);
    }

    /** The similarity the graph's edges are chosen by. */
    default VectorSimilarityFunction buildFunction() {
        return function();
    }

    /** Whether edges are chosen in another space than the one searched. */
    default boolean buildsElsewhere() {
        return buildFunction() != function();
    }

    /** A user vector as the graph is searched with it. */
    float[] query(float[] userVector);

    /** The model's inner product of the user vector and an item, from jvector's score of the pair. */
    float innerProduct(float graphScore, float[] userVector);
}
