/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyper-parameters of the YouTube-DNN retrieval model and its training.
 *
 * @param historyLength how many recent items the user tower reads (L)
 * @param inputDim dimension of the history item embeddings
 * @param hiddenDim width of the MLP's hidden layer
 * @param dim dimension of user and item vectors
 * @param epochs passes over the training examples
 * @param batchSize examples per step
 * @param learningRate Adam's learning rate
 * @param softmax full softmax over all items, or sampled softmax with logQ correction
 * @param negatives sampled negatives per step (sampled softmax only)
 * @param seed seed of initialisation, shuffling and negative sampling
 */
public record ModelParams(
        int historyLength,
        int inputDim,
        int hiddenDim,
        int dim,
        int epochs,
        int batchSize,
        float learningRate,
        Softmax softmax,
        int negatives,
        long seed) {

    /** How the training objective normalises over items. */
    public enum Softmax {
        /** Every item in every step: exact, affordable for catalogs up to tens of thousands. */
        FULL,
        /** Shared negatives drawn by popularity per step, logits corrected by log Q (Bengio & Senécal; Yi et al. 2019). */
        SAMPLED
    }

    public ModelParams {
        require(historyLength > 0, "historyLength must be positive");
        require(inputDim > 0 && hiddenDim > 0 && dim > 0, "dimensions must be positive");
        require(epochs > 0, "epochs must be positive");
        require(batchSize > 0, "batchSize must be positive");
        require(learningRate > 0, "learningRate must be positive");
        require(softmax == Softmax.FULL || negatives > 0, "sampled softmax needs negatives > 0");
    }

    /** Defaults that train the synthetic sets well on 2 cores; full softmax up to 20k items. */
    public static ModelParams defaults(int items) {
        return new ModelParams(
                20, 32, 64, 32, 3, 256, 0.005f, items <= 20_000 ? Softmax.FULL : Softmax.SAMPLED, 1024, 42);
    }

    /** The parameters as text, for MLflow and the bundle manifest. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("history_length", String.valueOf(historyLength));
        map.put("input_dim", String.valueOf(inputDim));
        map.put("hidden_dim", String.valueOf(hiddenDim));
        map.put("dim", String.valueOf(dim));
        map.put("epochs", String.valueOf(epochs));
        map.put("batch_size", String.valueOf(batchSize));
        map.put("learning_rate", String.valueOf(learningRate));
        map.put("softmax", softmax.name().toLowerCase(java.util.Locale.ROOT));
        map.put("negatives", String.valueOf(negatives));
        map.put("seed", String.valueOf(seed));
        return map;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
