/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private final RestartBackoff backoff = RestartBackoff.KUBELET;

    @Test
    void firstRestartIsImmediateThenTheWaitDoublesUpToFiveMinutes() {
        List<Long> waits = new ArrayList<>();
        Duration wait = null;
        for (int i = 0; i < 8; i++) {
            wait = backoff.nextWait(wait, Duration.ofSeconds(1));
            waits.add(wait.toSeconds());
        }

        assertThat(waits).containsExactly(0L, 10L, 20L, 40L, 80L, 160L, 300L, 300L);
    }

    @Test
    void aContainerThatRanTenMinutesStartsOver() {
        assertThat(backoff.nextWait(Duration.ofSeconds(160), Duration.ofMinutes(10)))
                .isZero();
        assertThat(backoff.nextWait(Duration.ofSeconds(160), Duration.ofMinutes(9)))
                .hasSeconds(300);
    }
}
