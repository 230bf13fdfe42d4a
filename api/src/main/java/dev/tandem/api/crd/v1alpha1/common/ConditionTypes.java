/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.common;

/** The positive condition types every Tandem resource reports. */
public final class ConditionTypes {

    /** The resource does what it is for: the model is verified, the index is built, the pair serves. */
    public static final String READY = "Ready";

    /** The operator is moving the resource towards its spec (resolving, building, swapping). */
    public static final String PROGRESSING = "Progressing";

    /** Something is wrong that needs a person: the reason and message say what. */
    public static final String DEGRADED = "Degraded";

    private ConditionTypes() {}
}
