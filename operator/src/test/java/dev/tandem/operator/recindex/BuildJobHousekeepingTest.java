/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.naming.TandemAnnotations;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildJobHousekeepingTest {

    private static final String JOB = "movies-index-0123abcd";

    private static Job madeFor(long generation) {
        return new JobBuilder(Fixtures.job(JOB, "Failed", "BackoffLimitExceeded", "out of memory"))
                .editMetadata()
                .addToAnnotations(TandemAnnotations.RECINDEX_GENERATION, String.valueOf(generation))
                .endMetadata()
                .build();
    }

    private static BuildObservation failed() {
        return new BuildObservation(
                BuildObservation.State.FAILED,
                new BuildSummary.Unreadable("the build left no summary", "java.lang.OutOfMemoryError"),
                "BackoffLimitExceeded",
                "Job has reached the specified backoff limit",
                null);
    }

    @Test
    void aFailedBuildIsRetriedOnceTheSpecChanged() {
        assertThat(BuildJobHousekeeping.failedBeforeSpecChange(2, JOB, failed(), List.of(madeFor(1))))
                .isPresent();
    }

    @Test
    void aFailedBuildOfTheCurrentSpecStaysFailed() {
        assertThat(BuildJobHousekeeping.failedBeforeSpecChange(2, JOB, failed(), List.of(madeFor(2))))
                .isEmpty();
    }

    @Test
    void aRunningOrCompletedBuildIsNeverRetried() {
        var running = new BuildObservation(BuildObservation.State.RUNNING, null, null, "", null);

        assertThat(BuildJobHousekeeping.failedBeforeSpecChange(2, JOB, running, List.of(madeFor(1))))
                .isEmpty();
    }
}
