/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbeScheduleTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final Probe probe = new ProbeBuilder()
            .withNewHttpGet()
            .withPath("/q/health/ready")
            .endHttpGet()
            .withInitialDelaySeconds(5)
            .withPeriodSeconds(2)
            .withSuccessThreshold(2)
            .withFailureThreshold(3)
            .build();

    @Test
    void readinessStartsFailingAndPassesAfterSuccessThresholdPasses() {
        ProbeSchedule readiness = new ProbeSchedule(ProbeKind.READINESS, probe, T0);

        assertThat(readiness.passing()).isFalse();
        assertThat(readiness.due(T0.plusSeconds(4))).isFalse();
        assertThat(readiness.due(T0.plusSeconds(5))).isTrue();

        assertThat(readiness.record(ProbeResult.passed("200"), T0.plusSeconds(5)))
                .isFalse();
        assertThat(readiness.due(T0.plusSeconds(6))).isFalse();
        assertThat(readiness.nextRun()).isEqualTo(T0.plusSeconds(7));
        assertThat(readiness.record(ProbeResult.passed("200"), T0.plusSeconds(7)))
                .isTrue();
        assertThat(readiness.passing()).isTrue();
    }

    @Test
    void livenessStartsPassingAndFailsAfterFailureThresholdFailuresInARow() {
        ProbeSchedule liveness = new ProbeSchedule(ProbeKind.LIVENESS, probe, T0);

        assertThat(liveness.passing()).isTrue();
        liveness.record(ProbeResult.failed("503"), T0.plusSeconds(5));
        liveness.record(ProbeResult.failed("503"), T0.plusSeconds(7));
        liveness.record(ProbeResult.passed("200"), T0.plusSeconds(9));
        liveness.record(ProbeResult.failed("503"), T0.plusSeconds(11));
        liveness.record(ProbeResult.failed("503"), T0.plusSeconds(13));
        assertThat(liveness.passing()).isTrue();
        assertThat(liveness.failedOut()).isFalse();

        assertThat(liveness.record(ProbeResult.failed("503"), T0.plusSeconds(15)))
                .isTrue();
        assertThat(liveness.passing()).isFalse();
        assertThat(liveness.failedOut()).isTrue();
    }

    @Test
    void defaultsAreTheApisOnes() {
        ProbeSchedule bare = new ProbeSchedule(
                ProbeKind.READINESS,
                new ProbeBuilder().withNewTcpSocket().endTcpSocket().build(),
                T0);

        assertThat(bare.due(T0)).isTrue();
        assertThat(bare.timeout()).hasSeconds(1);
        bare.record(ProbeResult.passed("ok"), T0);
        assertThat(bare.passing()).isTrue();
        assertThat(bare.nextRun()).isEqualTo(T0.plusSeconds(10));
    }
}
