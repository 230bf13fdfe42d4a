/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.probe;

/**
 * The outcome of one probe.
 *
 * @param success whether the probe passed
 * @param detail why it failed (for the {@code Unhealthy} event), or what it saw
 */
public record ProbeResult(boolean success, String detail) {

    public static ProbeResult passed(String detail) {
        return new ProbeResult(true, detail);
    }

    public static ProbeResult failed(String detail) {
        return new ProbeResult(false, detail);
    }
}
