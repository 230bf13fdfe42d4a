/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LifecyclesTest {

    @Test
    void aSleepingPreStopHookDelaysSigterm() {
        Container sleepAction = new ContainerBuilder()
                .withName("c")
                .withNewLifecycle()
                .withNewPreStop()
                .withNewSleep(7L)
                .endPreStop()
                .endLifecycle()
                .build();
        Container execSleep = new ContainerBuilder()
                .withName("c")
                .withNewLifecycle()
                .withNewPreStop()
                .withNewExec()
                .withCommand("/bin/sh", "-c", "sleep 5")
                .endExec()
                .endPreStop()
                .endLifecycle()
                .build();

        assertThat(Lifecycles.preStopSleep(sleepAction)).isEqualTo(Duration.ofSeconds(7));
        assertThat(Lifecycles.preStopSleep(execSleep)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Lifecycles.unsupported(execSleep)).isEmpty();
        assertThat(Lifecycles.preStopSleep(new ContainerBuilder().withName("c").build()))
                .isZero();
    }

    @Test
    void hooksThatRunCodeInTheImageAreRefused() {
        Container exec = new ContainerBuilder()
                .withName("c")
                .withNewLifecycle()
                .withNewPreStop()
                .withNewExec()
                .withCommand("/app/drain.sh")
                .endExec()
                .endPreStop()
                .endLifecycle()
                .build();
        Container postStart = new ContainerBuilder()
                .withName("c")
                .withNewLifecycle()
                .withNewPostStart()
                .withNewSleep(1L)
                .endPostStart()
                .endLifecycle()
                .build();

        assertThat(Lifecycles.unsupported(exec)).get().asString().contains("preStop hook other than a sleep");
        assertThat(Lifecycles.unsupported(postStart)).get().asString().contains("postStart");
    }
}
