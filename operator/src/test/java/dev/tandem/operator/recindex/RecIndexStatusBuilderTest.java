/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.recindex.IndexPhase;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexStatus;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.operator.recindex.BuildObservation.State;
import dev.tandem.operator.recindex.RecIndexStatusBuilder.Result;
import dev.tandem.operator.recindex.RecIndexStatusBuilder.Transition;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecIndexStatusBuilderTest {

    private final RecIndex index = Fixtures.index("movies-index");

    private Result step(RecModel model, BuildObservation build) {
        return step(model, build, new ArchiveOutcome.None(), Fixtures.CLOCK);
    }

    private Result step(RecModel model, BuildObservation build, ArchiveOutcome archive, Clock clock) {
        Result result = RecIndexStatusBuilder.build(index, ModelSituation.of(index, model), build, archive, clock);
        index.setStatus(result.status());
        return result;
    }

    private static BuildObservation running() {
        return new BuildObservation(State.RUNNING, null, null, "", null);
    }

    private static BuildObservation complete(String version, String upload) {
        return new BuildObservation(
                State.COMPLETE,
                BuildSummary.parse(Fixtures.summary(version, upload)),
                null,
                "",
                "2026-03-01T09:59:00Z");
    }

    private static Condition condition(RecIndexStatus status, String type) {
        return status.condition(type).orElseThrow();
    }

    private static void assertCondition(RecIndexStatus status, String type, String value, String reason) {
        Condition c = condition(status, type);
        assertThat(c.getStatus()).as(type).isEqualTo(value);
        assertThat(c.getReason()).as(type + " reason").isEqualTo(reason);
        assertThat(c.getObservedGeneration())
                .as(type + " observedGeneration")
                .isEqualTo(status.getObservedGeneration());
    }

    @Test
    void waitsPendingWhileTheModelIsNotReady() {
        RecModel model = Fixtures.readyModel("3");
        model.getStatus().setConditions(List.of());

        Result result = step(model, BuildObservation.absent());

        assertThat(result.status().getPhase()).isEqualTo(IndexPhase.Pending);
        assertCondition(result.status(), "Ready", "False", "ModelNotReady");
        assertCondition(result.status(), "Progressing", "False", "ModelNotReady");
        assertCondition(result.status(), "Degraded", "False", "AsExpected");
        assertThat(result.transitions()).extracting(Transition::reason).containsExactly("ModelNotReady");
    }

    @Test
    void missingModelIsModelNotFound() {
        Result result = step(null, BuildObservation.absent());

        assertCondition(result.status(), "Ready", "False", "ModelNotFound");
    }

    @Test
    void aRunningJobIsBuildingAndProgressing() {
        RecModel model = Fixtures.readyModel("3");
        BuildPlan plan = Fixtures.plan(index, model);

        Result result = step(model, running());

        assertThat(result.status().getPhase()).isEqualTo(IndexPhase.Building);
        assertThat(result.status().getBuildKey()).isEqualTo(plan.buildKey());
        assertThat(result.status().getJobName()).isEqualTo(plan.jobName());
        assertThat(result.status().getObservedGeneration()).isEqualTo(1L);
        assertCondition(result.status(), "Ready", "False", "Building");
        assertCondition(result.status(), "Progressing", "True", "Building");
        assertCondition(result.status(), "Degraded", "False", "AsExpected");
        assertThat(result.transitions()).singleElement().satisfies(t -> {
            assertThat(t.reason()).isEqualTo("BuildStarted");
            assertThat(t.warning()).isFalse();
        });
    }

    @Test
    void aCompletedJobRecordsItsIndex() {
        RecModel model = Fixtures.readyModel("3");
        BuildPlan plan = Fixtures.plan(index, model);
        step(model, running());

        Result result = step(model, complete("3", plan.location()));

        RecIndexStatus status = result.status();
        assertThat(status.getPhase()).isEqualTo(IndexPhase.Built);
        assertThat(status.getModelName()).isEqualTo("youtube-dnn");
        assertThat(status.getModelVersion()).isEqualTo("3");
        assertThat(status.getEmbeddingsSha256()).isEqualTo(Fixtures.VECTORS_SHA);
        assertThat(status.getItems()).isEqualTo(5000);
        assertThat(status.getDims()).isEqualTo(16);
        assertThat(status.getBuildSeconds()).isEqualTo(3.25);
        assertThat(status.getProbeRecall()).isEqualTo(0.9734);
        assertThat(status.getProbeQueries()).isEqualTo(1000);
        assertThat(status.getLocation()).isEqualTo(plan.location());
        assertThat(status.getBuiltAt()).isEqualTo("2026-03-01T09:59:00Z");
        assertCondition(status, "Ready", "True", "Built");
        assertCondition(status, "Progressing", "False", "Built");
        assertThat(condition(status, "Ready").getMessage())
                .contains("5000 items")
                .contains("0.9734");
        assertThat(result.transitions()).extracting(Transition::reason).containsExactly("Built");
    }

    @Test
    void aBuiltIndexStaysBuiltWhenItsJobIsGone() {
        RecModel model = Fixtures.readyModel("3");
        step(model, complete("3", null));

        Result result = step(model, BuildObservation.absent());

        assertThat(result.status().getPhase()).isEqualTo(IndexPhase.Built);
        assertThat(result.status().getItems()).isEqualTo(5000);
        assertThat(result.transitions()).isEmpty();
    }

    @Test
    void aNewKeyBuildsWhileTheLastIndexStaysRecorded() {
        RecModel v3 = Fixtures.readyModel("3");
        String oldLocation = Fixtures.plan(index, v3).location();
        step(v3, complete("3", oldLocation));
        RecModel v4 = Fixtures.readyModel("4");
        BuildPlan next = Fixtures.plan(index, v4);

        Result result = step(v4, BuildObservation.absent());

        RecIndexStatus status = result.status();
        assertThat(status.getPhase()).isEqualTo(IndexPhase.Building);
        assertThat(status.getBuildKey()).isEqualTo(next.buildKey());
        assertThat(status.getJobName()).isEqualTo(next.jobName());
        assertThat(status.getModelVersion()).isEqualTo("3");
        assertThat(status.getLocation()).isEqualTo(oldLocation);
        assertCondition(status, "Ready", "False", "Building");
        assertThat(condition(status, "Ready").getMessage()).contains("stays recorded at " + oldLocation);

        Result done = step(v4, complete("4", next.location()));
        assertThat(done.status().getModelVersion()).isEqualTo("4");
        assertThat(done.status().getLocation()).isEqualTo(next.location()).isNotEqualTo(oldLocation);
    }

    @Test
    void aFailedBuildTakesTheReasonItsSummaryGives() {
        RecModel model = Fixtures.readyModel("3");
        step(model, running());

        Result result = step(
                model,
                new BuildObservation(
                        State.FAILED,
                        new BuildSummary.Failed("InvalidBundle", "item_vectors.f32: checksum mismatch"),
                        "PodFailurePolicy",
                        "Container build-index for pod recs/x failed with exit code 2",
                        "2026-03-01T09:59:00Z"));

        RecIndexStatus status = result.status();
        assertThat(status.getPhase()).isEqualTo(IndexPhase.Failed);
        assertCondition(status, "Ready", "False", "InvalidBundle");
        assertCondition(status, "Progressing", "False", "InvalidBundle");
        assertCondition(status, "Degraded", "True", "InvalidBundle");
        assertThat(condition(status, "Degraded").getMessage()).contains("checksum mismatch");
        assertThat(result.transitions()).singleElement().satisfies(t -> {
            assertThat(t.warning()).isTrue();
            assertThat(t.reason()).isEqualTo("InvalidBundle");
            assertThat(t.message()).contains("checksum mismatch");
        });
    }

    @Test
    void aBuildStoppedAtItsDeadlineWithoutSummaryTimedOut() {
        Result result = step(
                Fixtures.readyModel("3"),
                new BuildObservation(
                        State.FAILED,
                        new BuildSummary.Unreadable("the build left no summary", "graph 40% built"),
                        "DeadlineExceeded",
                        "Job was active longer than specified deadline",
                        null));

        assertCondition(result.status(), "Degraded", "True", "BuildTimedOut");
        assertThat(condition(result.status(), "Degraded").getMessage())
                .contains("longer than specified deadline")
                .contains("graph 40% built");
    }

    @Test
    void aCompletedJobWithAnUnreadableSummaryIsNotRecordedAsBuilt() {
        Result result = step(
                Fixtures.readyModel("3"),
                new BuildObservation(
                        State.COMPLETE, BuildSummary.parse("{\"modelName\":\"youtube-dnn\",\"mode"), null, "", null));

        assertThat(result.status().getPhase()).isEqualTo(IndexPhase.Failed);
        assertThat(result.status().getLocation()).isNull();
        assertCondition(result.status(), "Degraded", "True", "SummaryUnreadable");
    }

    @Test
    void anIndexOfAnotherVersionIsNotRecorded() {
        Result result = step(Fixtures.readyModel("3"), complete("2", null));

        assertThat(result.status().getPhase()).isEqualTo(IndexPhase.Failed);
        assertThat(result.status().getModelVersion()).isNull();
        assertCondition(result.status(), "Ready", "False", "IndexOfAnotherVersion");
    }

    @Test
    void transitionTimesMoveOnlyWhenAConditionFlips() {
        RecModel model = Fixtures.readyModel("3");
        step(model, running());
        String since = condition(index.getStatus(), "Progressing").getLastTransitionTime();

        Clock later = Clock.fixed(Instant.parse("2026-03-01T10:05:00Z"), ZoneOffset.UTC);
        Result again = step(model, running(), new ArchiveOutcome.None(), later);
        assertThat(condition(again.status(), "Progressing").getLastTransitionTime())
                .isEqualTo(since);
        assertThat(again.transitions()).isEmpty();

        Result built = step(model, complete("3", null), new ArchiveOutcome.None(), later);
        assertThat(condition(built.status(), "Progressing").getLastTransitionTime())
                .isEqualTo("2026-03-01T10:05:00Z");
    }

    @Test
    void aSpecChangeIsObservedInEveryCondition() {
        RecModel model = Fixtures.readyModel("3");
        step(model, complete("3", null));
        index.getMetadata().setGeneration(2L);

        Result result = step(model, BuildObservation.absent());

        assertThat(result.status().getObservedGeneration()).isEqualTo(2L);
        assertThat(result.status().getConditions())
                .allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(2L));
    }

    @Test
    void anArchivedVersionsRemovedIndexLeavesPhaseArchived() {
        RecModel model = Fixtures.readyModel("3");
        String location = Fixtures.plan(index, model).location();
        step(model, complete("3", location));

        Result result = step(
                Fixtures.archivedModel("3"),
                BuildObservation.absent(),
                new ArchiveOutcome.Removed(List.of(location)),
                Fixtures.CLOCK);

        assertThat(result.status().getPhase()).isEqualTo(IndexPhase.Archived);
        assertThat(result.status().getLocation()).isNull();
        assertThat(result.status().getModelVersion()).isEqualTo("3");
        assertCondition(result.status(), "Ready", "False", "Archived");
        assertCondition(result.status(), "Degraded", "False", "AsExpected");
        assertThat(condition(result.status(), "Ready").getMessage())
                .contains("LostOffline")
                .contains(location);
        assertThat(result.transitions()).extracting(Transition::reason).containsExactly("Archived");

        Result later =
                step(Fixtures.archivedModel("3"), BuildObservation.absent(), new ArchiveOutcome.None(), Fixtures.CLOCK);
        assertThat(later.status().getPhase()).isEqualTo(IndexPhase.Archived);
        assertThat(later.status().getConditions()).isEqualTo(result.status().getConditions());
        assertThat(later.transitions()).isEmpty();
    }

    @Test
    void anArchivedVersionsIndexThatARolloutServesStaysReady() {
        RecModel model = Fixtures.readyModel("3");
        step(model, complete("3", Fixtures.plan(index, model).location()));

        Result result = step(
                Fixtures.archivedModel("3"),
                BuildObservation.absent(),
                new ArchiveOutcome.Kept(List.of("home-feed"), List.of()),
                Fixtures.CLOCK);

        assertThat(result.status().getPhase()).isEqualTo(IndexPhase.Built);
        assertThat(result.status().getLocation()).isNotNull();
        assertCondition(result.status(), "Ready", "True", "KeptWhileServed");
        assertThat(condition(result.status(), "Ready").getMessage()).contains("Rollout home-feed");
    }

    @Test
    void aFailedCleanupIsDegradedAndRetried() {
        Result result = step(
                Fixtures.archivedModel("3"),
                BuildObservation.absent(),
                new ArchiveOutcome.CleanupFailed("connection refused"),
                Fixtures.CLOCK);

        assertCondition(result.status(), "Degraded", "True", "CleanupFailed");
        assertCondition(result.status(), "Progressing", "True", "CleanupFailed");
        assertThat(result.transitions())
                .singleElement()
                .satisfies(t -> assertThat(t.warning()).isTrue());
    }

    @Test
    void theBuildJobIsNeededUntilTheCurrentKeyIsBuilt() {
        RecModel model = Fixtures.readyModel("3");
        assertThat(dev.tandem.operator.recindex.dependent.BuildNeeded.needed(index, ModelSituation.of(index, model)))
                .isTrue();
        step(model, complete("3", null));
        assertThat(dev.tandem.operator.recindex.dependent.BuildNeeded.needed(index, ModelSituation.of(index, model)))
                .isFalse();
        assertThat(dev.tandem.operator.recindex.dependent.BuildNeeded.needed(
                        index, ModelSituation.of(index, Fixtures.readyModel("4"))))
                .isTrue();
        assertThat(dev.tandem.operator.recindex.dependent.BuildNeeded.needed(
                        index, ModelSituation.of(index, Fixtures.archivedModel("4"))))
                .isFalse();
    }
}
