/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.mlflow;

import java.util.Arrays;
import java.util.Optional;

/** MLflow's model-version stages, spelled as MLflow's REST API spells them. */
public enum ModelStage {
    None,
    Staging,
    Production,
    Archived;

    /** The stage MLflow names {@code stage}, if it is one. */
    public static Optional<ModelStage> of(String stage) {
        return Arrays.stream(values()).filter(s -> s.name().equals(stage)).findFirst();
    }

    /** Whether MLflow's {@code stage} is this one. */
    public boolean is(String stage) {
        return name().equals(stage);
    }
}
