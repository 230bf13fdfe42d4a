/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.probe;

import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;

/**
 * When one probe of one running container runs next and what it currently says, following the probe's
 * {@code initialDelaySeconds}, {@code periodSeconds}, {@code successThreshold} and {@code failureThreshold} (with the
 * API's defaults: 0, 10, 1, 3).
 */
public final class ProbeSchedule {

    private final ProbeKind kind;
    private final Probe probe;
    private final Instant containerStarted;
    private Instant nextRun;
    private boolean passing;
    private int successes;
    private int failures;

    public ProbeSchedule(ProbeKind kind, Probe probe, Instant containerStarted) {
        this.kind = kind;
        this.probe = probe;
        this.containerStarted = containerStarted;
        this.nextRun = containerStarted.plusSeconds(orDefault(probe.getInitialDelaySeconds(), 0));
        this.passing = kind.initiallyPassing();
    }

    public ProbeKind kind() {
        return kind;
    }

    public Probe probe() {
        return probe;
    }

    /** Whether the probe is due at {@code now}. */
    public boolean due(Instant now) {
        return !now.isBefore(nextRun);
    }

    /** When it is due next. */
    public Instant nextRun() {
        return nextRun;
    }

    /**
     * Records a result. The probe's state flips to passing after {@code successThreshold} passes in a row and to
     * failing after {@code failureThreshold} failures in a row.
     *
     * @return whether the state flipped
     */
    public boolean record(ProbeResult result, Instant now) {
        nextRun = now.plusSeconds(Math.max(1, orDefault(probe.getPeriodSeconds(), 10)));
        boolean before = passing;
        if (result.success()) {
            failures = 0;
            successes++;
            if (successes >= Math.max(1, orDefault(probe.getSuccessThreshold(), 1))) {
                passing = true;
            }
        } else {
            successes = 0;
            failures++;
            if (failures >= Math.max(1, orDefault(probe.getFailureThreshold(), 3))) {
                passing = false;
            }
        }
        return before != passing;
    }

    /** Whether the probe currently passes. */
    public boolean passing() {
        return passing;
    }

    /** Whether the last {@code failureThreshold} runs all failed (a startup or liveness probe then kills). */
    public boolean failedOut() {
        return failures >= Math.max(1, orDefault(probe.getFailureThreshold(), 3));
    }

    /** The probe's timeout ({@code timeoutSeconds}, default 1). */
    public Duration timeout() {
        return Duration.ofSeconds(Math.max(1, orDefault(probe.getTimeoutSeconds(), 1)));
    }

    /** When the container this schedule belongs to started. */
    public Instant containerStarted() {
        return containerStarted;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
