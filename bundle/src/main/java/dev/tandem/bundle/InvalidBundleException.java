/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

/** A bundle failed verification; {@link #problem()} says how, the message says where. */
public final class InvalidBundleException extends Exception {

    private static final long serialVersionUID = 1L;

    private final BundleProblem problem;

    public InvalidBundleException(BundleProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public InvalidBundleException(BundleProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public BundleProblem problem() {
        return problem;
    }
}
