/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.index;

/** {@code build-index}'s exit statuses; the operator's build Jobs retry on one and fail at once on the other. */
public final class BuildIndexExit {

    /** The index is written (and uploaded). */
    public static final int OK = 0;

    /** Building, writing or uploading failed; a retry may pass. */
    public static final int FAILED = 1;

    /** The parameters, the bundle or the existing output are wrong: a retry cannot help. */
    public static final int INVALID_INPUT = 2;

    private BuildIndexExit() {}
}
