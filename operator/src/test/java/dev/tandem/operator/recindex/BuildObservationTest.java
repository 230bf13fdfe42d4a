/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operator.recindex.BuildObservation.State;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildObservationTest {

    private static final String JOB = "movies-index-0123abcd";

    @Test
    void noJobOfThatNameIsAbsent() {
        var other = Fixtures.job("movies-index-ffffffff", "Complete", null, null);

        assertThat(BuildObservation.of(JOB, List.of(other), List.of()).state()).isEqualTo(State.ABSENT);
    }

    @Test
    void completeJobGivesItsSucceededPodsSummary() {
        var observation = BuildObservation.of(
                JOB,
                List.of(Fixtures.job(JOB, "Complete", null, null)),
                List.of(
                        Fixtures.pod(JOB, "Failed", 1, "{\"error\":\"upload\",\"reason\":\"UploadFailed\"}"),
                        new PodBuilder(Fixtures.pod(JOB, "Succeeded", 0, Fixtures.summary("3", null)))
                                .editMetadata()
                                .withName(JOB + "-second")
                                .endMetadata()
                                .build()));

        assertThat(observation.state()).isEqualTo(State.COMPLETE);
        assertThat(observation.summary()).isInstanceOf(BuildSummary.Built.class);
        assertThat(observation.finishedAt()).isEqualTo("2026-03-01T09:59:00Z");
    }

    @Test
    void completeJobWhosePodUpdateIsNotSeenYetIsStillRunning() {
        var observation = BuildObservation.of(
                JOB,
                List.of(Fixtures.job(JOB, "Complete", null, null)),
                List.of(Fixtures.pod(JOB, "Succeeded", null, null)));

        assertThat(observation.state()).isEqualTo(State.RUNNING);
    }

    @Test
    void completeJobWithoutPodsHasAnUnreadableSummary() {
        var observation = BuildObservation.of(JOB, List.of(Fixtures.job(JOB, "Complete", null, null)), List.of());

        assertThat(observation.state()).isEqualTo(State.COMPLETE);
        assertThat(observation.summary()).isInstanceOf(BuildSummary.Unreadable.class);
    }

    @Test
    void failedJobGivesItsConditionAndItsPodsFailure() {
        var observation = BuildObservation.of(
                JOB,
                List.of(Fixtures.job(JOB, "Failed", "PodFailurePolicy", "Container build-index exited with 2")),
                List.of(Fixtures.pod(
                        JOB, "Failed", 2, "{\"error\":\"no version 9 of m\",\"reason\":\"BundleNotFound\"}")));

        assertThat(observation.state()).isEqualTo(State.FAILED);
        assertThat(observation.jobReason()).isEqualTo("PodFailurePolicy");
        assertThat(observation.detail()).contains("exited with 2");
        assertThat(observation.summary()).isEqualTo(new BuildSummary.Failed("BundleNotFound", "no version 9 of m"));
    }

    @Test
    void failureTargetCountsAsFailed() {
        var observation = BuildObservation.of(
                JOB, List.of(Fixtures.job(JOB, "FailureTarget", "DeadlineExceeded", "too long")), List.of());

        assertThat(observation.state()).isEqualTo(State.FAILED);
        assertThat(observation.jobReason()).isEqualTo("DeadlineExceeded");
    }

    @Test
    void runningJobSaysWhatItsPodWaitsFor() {
        var pod = new PodBuilder(Fixtures.pod(JOB, "Pending", null, null))
                .editStatus()
                .editFirstContainerStatus()
                .withNewState()
                .withNewWaiting()
                .withReason("ImageNotBuilt")
                .withMessage("build the serving jar")
                .endWaiting()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();

        var observation = BuildObservation.of(JOB, List.of(Fixtures.job(JOB, null, null, null)), List.of(pod));

        assertThat(observation.state()).isEqualTo(State.RUNNING);
        assertThat(observation.detail()).contains("ImageNotBuilt").contains("build the serving jar");
    }
}
