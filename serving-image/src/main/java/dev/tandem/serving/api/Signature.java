/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The predict signatures the serving API offers, described in metadata the way TF Serving describes a
 * SavedModel's signatures. Inputs and outputs are named tensors; {@code -1} is a dimension of any size.
 */
enum Signature {
    /** Recommendations for a user from their recent items. */
    RECOMMEND(
            "serving_default",
            "history",
            List.of(
                    new Tensor("history", "DT_INT64", List.of(-1L, -1L), "recent item ids, most recent last"),
                    new Tensor("exclude", "DT_INT64", List.of(-1L, -1L), "item ids never to return (optional)"),
                    new Tensor("k", "DT_INT32", List.of(-1L), "how many items to return (optional, default 10)"))),
    /** Items similar to an item (autoplay). */
    SIMILAR_ITEMS(
            "similar_items",
            "item_id",
            List.of(
                    new Tensor("item_id", "DT_INT64", List.of(-1L), "the item to find similar items for"),
                    new Tensor("exclude", "DT_INT64", List.of(-1L, -1L), "item ids never to return (optional)"),
                    new Tensor("k", "DT_INT32", List.of(-1L), "how many items to return (optional, default 10)")));

    /** One named tensor of a signature. */
    record Tensor(String name, String dtype, List<Long> shape, String meaning) {}

    static final List<Tensor> OUTPUTS = List.of(
            new Tensor("item_ids", "DT_INT64", List.of(-1L, -1L), "item ids, best first"),
            new Tensor("scores", "DT_FLOAT", List.of(-1L, -1L), "their scores"),
            new Tensor("model_version", "DT_INT64", List.of(-1L), "the version of the pair that answered"));

    static final int DEFAULT_K = 10;

    private final String signatureName;
    private final String mainInput;
    private final List<Tensor> inputs;

    Signature(String signatureName, String mainInput, List<Tensor> inputs) {
        this.signatureName = signatureName;
        this.mainInput = mainInput;
        this.inputs = inputs;
    }

    String signatureName() {
        return signatureName;
    }

    /** The input a bare (unnamed) instance value stands for. */
    String mainInput() {
        return mainInput;
    }

    List<Tensor> inputs() {
        return inputs;
    }

    boolean hasInput(String name) {
        return inputs.stream().anyMatch(t -> t.name().equals(name));
    }

    String inputNames() {
        return String.join(", ", inputs.stream().map(Tensor::name).toList());
    }

    /** The signature with this name; an absent or empty name is {@code serving_default}. */
    static Optional<Signature> named(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(RECOMMEND);
        }
        return Arrays.stream(values()).filter(s -> s.signatureName.equals(name)).findFirst();
    }
}
