/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.index;

import dev.tandem.bundle.HnswParams;
import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.bundle.MipsStrategy;
import java.util.concurrent.ForkJoinPool;

/**
 * How graphs are built when a pair comes without a prebuilt index.
 *
 * @param strategy the space the graph is built in
 * @param params graph parameters
 * @param pool the threads that build (jvector's default pool runs one thread on a 2-core machine)
 */
public record GraphBuild(MipsStrategy strategy, HnswParams params, ForkJoinPool pool) {

    /** Builds the graph of these items. */
    public ItemGraph of(ItemEmbeddings items) {
        return ItemGraph.build(items, strategy, params, pool);
    }
}
