/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.probe;

/** The three probes of a container and what each starts as, before it has run. */
public enum ProbeKind {
    /** Gates the other two; the container counts as started once it passes. */
    STARTUP("Startup", false),
    /** Restarts the container when it fails. */
    LIVENESS("Liveness", true),
    /** Sets the container's {@code ready}. */
    READINESS("Readiness", false);

    private final String label;
    private final boolean initiallyPassing;

    ProbeKind(String label, boolean initiallyPassing) {
        this.label = label;
        this.initiallyPassing = initiallyPassing;
    }

    /** As kubelet events name it ({@code Readiness probe failed: …}). */
    public String label() {
        return label;
    }

    boolean initiallyPassing() {
        return initiallyPassing;
    }
}
