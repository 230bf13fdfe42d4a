/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.mlflow;

/** The registered-model aliases Tandem sets: {@code decide} names the challenger, the operator the champion. */
public enum ModelAlias {
    /** The version that serves, set by the operator after a successful swap. */
    CHAMPION("champion"),
    /** The version {@code decide} found better than the champion, waiting for its swap. */
    CHALLENGER("challenger");

    private final String alias;

    ModelAlias(String alias) {
        this.alias = alias;
    }

    /** The alias as MLflow knows it. */
    public String alias() {
        return alias;
    }
}
