/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import java.util.SplittableRandom;

/**
 * Synthetic embeddings shaped like a trained recommender's: items around {@code clusters} genre centres, each
 * scaled by a log-normal norm (popular items' softmax weights grow longer, so norms spread by a factor of ten
 * between the 5th and 95th percentile at {@code sigma = 0.7}), and queries near a centre with norms of their
 * own. Not normalised: that is the point, since inner-product search over spread norms is what graph indexes
 * find hard. Deterministic by seed; items and queries come from separate streams, so asking for more queries
 * does not change the items.
 *
 * @param items item count
 * @param dim vector dimension
 * @param clusters number of centres
 * @param normSigma standard deviation of the log of item norms
 * @param seed seed of centres, items and queries
 */
record ClusteredVectors(int items, int dim, int clusters, double normSigma, long seed) {

    // Spread of a vector around its centre, relative to the spread of the centres themselves.
    private static final double NOISE = 0.5;

    ClusteredVectors {
        if (items < 1 || dim < 1 || clusters < 1 || normSigma < 0) {
            throw new IllegalArgumentException("items, dim and clusters must be positive, normSigma not negative");
        }
    }

    /** A name that identifies the set, used as its cache directory. */
    String name() {
        return "clustered-n" + items + "-d" + dim + "-c" + clusters + "-s" + normSigma + "-seed" + seed;
    }

    /** Row-major {@code [items, dim]}. */
    float[] itemVectors() {
        float[][] centres = centres();
        SplittableRandom random = new SplittableRandom(seed ^ 0x17E45L);
        double noise = NOISE / Math.sqrt(dim);
        float[] out = new float[Math.multiplyExact(items, dim)];
        for (int row = 0; row < items; row++) {
            float[] c = centres[random.nextInt(clusters)];
            double scale = Math.exp(normSigma * random.nextGaussian());
            for (int k = 0; k < dim; k++) {
                out[row * dim + k] = (float) ((c[k] + noise * random.nextGaussian()) * scale);
            }
        }
        return out;
    }

    /** Row-major {@code [count, dim]} queries from the same centres. */
    float[] queryVectors(int count) {
        float[][] centres = centres();
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E4E5L);
        double noise = NOISE / Math.sqrt(dim);
        float[] out = new float[Math.multiplyExact(count, dim)];
        for (int q = 0; q < count; q++) {
            float[] c = centres[random.nextInt(clusters)];
            // User vectors spread in norm too; it does not change their ranking, but it does change the
            // scores a DOT_PRODUCT graph without a reduction compares.
            double scale = Math.exp(0.3 * random.nextGaussian());
            for (int k = 0; k < dim; k++) {
                out[q * dim + k] = (float) ((c[k] + noise * random.nextGaussian()) * scale);
            }
        }
        return out;
    }

    private float[][] centres() {
        SplittableRandom random = new SplittableRandom(seed);
        // Unit-variance centres divided by sqrt(dim) keep norms near 1 whatever the dimension.
        double unit = 1 / Math.sqrt(dim);
        float[][] centres = new float[clusters][dim];
        for (float[] c : centres) {
            for (int k = 0; k < dim; k++) {
                c[k] = (float) (random.nextGaussian() * unit);
            }
        }
        return centres;
    }
}
