/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.status;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Compares statuses by what they would write, so a reconcile patches status only when something changed. */
public final class StatusComparison {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private StatusComparison() {}

    /** Whether the two statuses serialise to the same JSON. */
    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return JSON.convertValue(a, com.fasterxml.jackson.databind.JsonNode.class)
                .equals(JSON.convertValue(b, com.fasterxml.jackson.databind.JsonNode.class));
    }
}
