/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import java.time.Duration;

/**
 * A kubelet's crash-loop back-off: the first restart is immediate, the next waits 10 s, then 20 s, 40 s… up to
 * 5 minutes; a container that ran for 10 minutes before it exited starts over.
 *
 * @param initial the wait before the second restart
 * @param max the longest wait
 * @param resetAfter how long a container must run for its exit to count as a first one
 */
public record RestartBackoff(Duration initial, Duration max, Duration resetAfter) {

    /** A kubelet's defaults. */
    public static final RestartBackoff KUBELET =
            new RestartBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(10));

    /**
     * The wait before the next start.
     *
     * @param previousWait the wait before the last start; {@code null} when the container has never been restarted
     * @param ranFor how long the container ran before it exited
     */
    public Duration nextWait(Duration previousWait, Duration ranFor) {
        if (previousWait == null || ranFor.compareTo(resetAfter) >= 0) {
            return Duration.ZERO;
        }
        if (previousWait.isZero()) {
            return initial;
        }
        Duration doubled = previousWait.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
