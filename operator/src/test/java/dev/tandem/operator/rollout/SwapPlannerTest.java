/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import static dev.tandem.operator.rollout.RolloutFixtures.failed;
import static dev.tandem.operator.rollout.RolloutFixtures.pair;
import static dev.tandem.operator.rollout.RolloutFixtures.resolved;
import static dev.tandem.operator.rollout.RolloutFixtures.rollout;
import static dev.tandem.operator.rollout.RolloutFixtures.slots;
import static dev.tandem.operator.rollout.RolloutFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.common.ConditionTypes;
import dev.tandem.api.crd.v1alpha1.rollout.AnalysisResult;
import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.PairRef;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutPhase;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutReason;
import dev.tandem.api.crd.v1alpha1.rollout.SwapRecord;
import dev.tandem.api.crd.v1alpha1.rollout.SwapResult;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SwapPlannerTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final TargetPair V1 = pair("1", "aaaaaaaa11111111");
    private static final TargetPair V2 = pair("2", "bbbbbbbb22222222");
    private static final TargetPair V3 = pair("3", "cccccccc33333333");

    private final AtomicInteger analyses = new AtomicInteger();

    private SwapPlanner.Analyst analyst(Function<String, AnalysisResult> verdict) {
        return (candidate, pods) -> {
            analyses.incrementAndGet();
            return verdict.apply(candidate.getPair());
        };
    }

    private final SwapPlanner.Analyst passing = analyst(RolloutFixtures::passed);

    @Test
    void firstPairGoesStraightIntoTheBlueSlotAndIsLiveOnceItsPodsAreReady() {
        Rollout rollout = rollout(2, 1);

        SwapPlanner.Plan deploying = SwapPlanner.plan(rollout, resolved(V1), slots().build(), passing, T0);
        store(rollout, deploying);

        assertThat(rollout.getStatus().getActive().getPair()).isEqualTo(V1.pair());
        assertThat(rollout.getStatus().getActive().getColour()).isEqualTo(Colour.BLUE);
        assertThat(rollout.getStatus().getActive().getReplicas()).isEqualTo(2);
        assertThat(rollout.getStatus().getPhase()).isEqualTo(RolloutPhase.Deploying);
        assertThat(condition(rollout, ConditionTypes.READY).getStatus()).isEqualTo("False");
        assertThat(condition(rollout, ConditionTypes.PROGRESSING).getReason()).isEqualTo("PodsStarting");
        assertThat(SlotAssignment.of(rollout.getStatus(), Colour.BLUE)).isPresent();
        assertThat(SlotAssignment.of(rollout.getStatus(), Colour.GREEN)).isEmpty();

        SwapPlanner.Plan live = SwapPlanner.plan(
                rollout, resolved(V1), slots().ready(Colour.BLUE, V1, 2).build(), passing, T0.plusSeconds(20));
        store(rollout, live);

        assertThat(rollout.getStatus().getPhase()).isEqualTo(RolloutPhase.Healthy);
        assertThat(condition(rollout, ConditionTypes.READY).getStatus()).isEqualTo("True");
        assertThat(condition(rollout, ConditionTypes.READY).getReason()).isEqualTo("PairServing");
        SwapRecord record = rollout.getStatus().getHistory().getFirst();
        assertThat(record.getReason()).isEqualTo("FirstPair");
        assertThat(record.isRegistryUpdated())
                .as("champion alias still to be written")
                .isFalse();
        assertThat(analyses)
                .as("the first pair has nothing to protect: no analysis")
                .hasValue(0);
        assertThat(live.transitions())
                .extracting(SwapPlanner.Transition::reason)
                .containsExactly(RolloutReason.PairLive);
    }

    @Test
    void withoutADeployablePairTheRolloutWaitsAndSaysWhy() {
        Rollout rollout = rollout(1, 1);

        store(
                rollout,
                SwapPlanner.plan(
                        rollout,
                        PairResolution.waiting(
                                RolloutReason.IndexNotBuilt,
                                "RecIndex movies-index has no built index of version 1 yet"),
                        slots().build(),
                        passing,
                        T0));

        assertThat(rollout.getStatus().getPhase()).isEqualTo(RolloutPhase.Pending);
        Condition ready = condition(rollout, ConditionTypes.READY);
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("IndexNotBuilt");
        assertThat(ready.getObservedGeneration()).isEqualTo(1L);
        assertThat(condition(rollout, ConditionTypes.DEGRADED).getStatus()).isEqualTo("False");
    }

    @Test
    void anUnschedulableFirstPairIsReportedWithTheSchedulersMessage() {
        Rollout rollout = rollout(1, 1);
        store(rollout, SwapPlanner.plan(rollout, resolved(V1), slots().build(), passing, T0));

        store(
                rollout,
                SwapPlanner.plan(
                        rollout,
                        resolved(V1),
                        slots().stuck(
                                        Colour.BLUE,
                                        V1,
                                        "Unschedulable",
                                        "0/3 nodes are available: 3 Insufficient nvidia.com/gpu.")
                                .build(),
                        passing,
                        T0.plusSeconds(5)));

        Condition ready = condition(rollout, ConditionTypes.READY);
        assertThat(ready.getReason()).isEqualTo("Unschedulable");
        assertThat(ready.getMessage()).contains("Insufficient nvidia.com/gpu");
        assertThat(condition(rollout, ConditionTypes.DEGRADED).getStatus()).isEqualTo("True");
        assertThat(condition(rollout, ConditionTypes.DEGRADED).getReason()).isEqualTo("Unschedulable");
    }

    @Test
    void aSwapDeploysAnalysesPromotesAndRemovesTheOldPairAfterTheDelay() {
        Rollout rollout = live(V1, 2);

        SwapPlanner.Plan start = SwapPlanner.plan(
                rollout, resolved(V2), slots().ready(Colour.BLUE, V1, 2).build(), passing, T0);
        store(rollout, start);
        assertThat(start.swapStarted()).isTrue();
        assertThat(rollout.getStatus().getPreview().getColour()).isEqualTo(Colour.GREEN);
        assertThat(rollout.getStatus().getPreview().getReplicas()).isEqualTo(1);
        assertThat(rollout.getStatus().getActive().getPair()).isEqualTo(V1.pair());
        assertThat(rollout.getStatus().getPhase()).isEqualTo(RolloutPhase.Deploying);

        var bothReady =
                slots().ready(Colour.BLUE, V1, 2).ready(Colour.GREEN, V2, 1).build();
        store(rollout, SwapPlanner.plan(rollout, resolved(V2), bothReady, passing, T0.plusSeconds(10)));
        assertThat(rollout.getStatus().getPhase()).isEqualTo(RolloutPhase.Analyzing);
        assertThat(analyses).as("Analyzing is stored before the analysis runs").hasValue(0);

        SwapPlanner.Plan promoted = SwapPlanner.plan(rollout, resolved(V2), bothReady, passing, T0.plusSeconds(12));
        store(rollout, promoted);
        assertThat(analyses).hasValue(1);
        assertThat(rollout.getStatus().getActive().getPair()).isEqualTo(V2.pair());
        assertThat(rollout.getStatus().getActive().getColour()).isEqualTo(Colour.GREEN);
        assertThat(rollout.getStatus().getActive().getReplicas())
                .as("scaled to replicas once live")
                .isEqualTo(2);
        assertThat(rollout.getStatus().getPreview()).isNull();
        assertThat(rollout.getStatus().getRetiring().getPair()).isEqualTo(V1.pair());
        assertThat(rollout.getStatus().getRetiring().getRemoveAfter()).isEqualTo("2026-12-02T10:00:42Z");
        assertThat(rollout.getStatus().getPhase()).isEqualTo(RolloutPhase.ScalingDown);
        SwapRecord record = rollout.getStatus().getHistory().getFirst();
        assertThat(record.getResult()).isEqualTo(SwapResult.Promoted);
        assertThat(record.getReplacedModelVersion()).isEqualTo("1");
        assertThat(record.isRegistryUpdated()).isFalse();
        assertThat(promoted.transitions())
                .filteredOn(t -> t.reason() == RolloutReason.Promoted)
                .singleElement()
                .satisfies(t -> assertThat(t.swapEnded())
                        .get()
                        .extracting(SwapPlanner.SwapEnd::result)
                        .isEqualTo(SwapResult.Promoted));

        var afterSwitch =
                slots().ready(Colour.BLUE, V1, 2).ready(Colour.GREEN, V2, 2).build();
        store(rollout, SwapPlanner.plan(rollout, resolved(V2), afterSwitch, passing, T0.plusSeconds(41)));
        assertThat(rollout.getStatus().getRetiring())
                .as("kept until removeAfter")
                .isNotNull();

        SwapPlanner.Plan freed = SwapPlanner.plan(rollout, resolved(V2), afterSwitch, passing, T0.plusSeconds(42));
        store(rollout, freed);
        assertThat(SlotAssignment.of(rollout.getStatus(), Colour.BLUE))
                .as("blue slot freed")
                .isEmpty();
        assertThat(rollout.getStatus().getPhase())
                .as("not Healthy while the replaced pair's pods run")
                .isEqualTo(RolloutPhase.ScalingDown);
        assertThat(freed.transitions()).isEmpty();

        var blueGone = slots().ready(Colour.GREEN, V2, 2).build();
        SwapPlanner.Plan removed = SwapPlanner.plan(rollout, resolved(V2), blueGone, passing, T0.plusSeconds(44));
        store(rollout, removed);
        assertThat(rollout.getStatus().getRetiring()).isNull();
        assertThat(rollout.getStatus().getPhase()).isEqualTo(RolloutPhase.Healthy);
        assertThat(removed.transitions())
                .extracting(SwapPlanner.Transition::reason)
                .containsExactly(RolloutReason.PairRemoved);
    }

    @Test
    void planningAgainAfterAPromotionChangesNothing() {
        Rollout rollout = swappedTo(V2);
        var slots = slots().ready(Colour.BLUE, V1, 2).ready(Colour.GREEN, V2, 2).build();
        String before = rollout.getStatus().getActive().getColour().label();

        SwapPlanner.Plan again = SwapPlanner.plan(rollout, resolved(V2), slots, passing, T0.plusSeconds(13));

        assertThat(again.status().getActive().getColour().label()).isEqualTo(before);
        assertThat(again.transitions()).isEmpty();
        assertThat(again.swapStarted()).isFalse();
    }

    @Test
    void anOperatorRestartedWhileAnalysingAnalysesAgainAndDoesNotStartAnotherSwap() {
        Rollout rollout = live(V1, 2);
        var slots = slots().ready(Colour.BLUE, V1, 2).ready(Colour.GREEN, V2, 1).build();
        store(rollout, SwapPlanner.plan(rollout, resolved(V2), slots, passing, T0));
        store(rollout, SwapPlanner.plan(rollout, resolved(V2), slots, passing, T0.plusSeconds(1)));
        // A restarted operator has nothing but the stored status.
        Rollout restarted = io.fabric8.kubernetes.client.utils.Serialization.clone(rollout);

        SwapPlanner.Plan resumed = SwapPlanner.plan(restarted, resolved(V2), slots, passing, T0.plusSeconds(30));

        assertThat(resumed.swapStarted()).isFalse();
        assertThat(analyses).hasValue(1);
        assertThat(resumed.status().getActive().getPair()).isEqualTo(V2.pair());
    }

    @Test
    void aFailedAnalysisAbortsLeavesTheLivePairAndIsNotRetriedUntilAsked() {
        Rollout rollout = live(V1, 2);
        SwapPlanner.Analyst failing = analyst(p -> failed(p, "RecallTooLow"));
        var slots = slots().ready(Colour.BLUE, V1, 2).ready(Colour.GREEN, V2, 1).build();
        store(rollout, SwapPlanner.plan(rollout, resolved(V2), slots, failing, T0));
        store(rollout, SwapPlanner.plan(rollout, resolved(V2), slots, failing, T0.plusSeconds(1)));

        SwapPlanner.Plan aborted = SwapPlanner.plan(rollout, resolved(V2), slots, failing, T0.plusSeconds(2));
        store(rollout, aborted);

        assertThat(rollout.getStatus().getActive().getPair()).isEqualTo(V1.pair());
        assertThat(rollout.getStatus().getActive().getColour()).isEqualTo(Colour.BLUE);
        assertThat(rollout.getStatus().getPreview()).isNull();
        assertThat(rollout.getStatus().getRejected().getPair()).isEqualTo(V2.pair());
        assertThat(SlotAssignment.of(rollout.getStatus(), Colour.GREEN))
                .as("candidate removed")
                .isEmpty();
        assertThat(rollout.getStatus().getPhase()).isEqualTo(RolloutPhase.Aborted);
        assertThat(condition(rollout, ConditionTypes.DEGRADED).getReason()).isEqualTo("AnalysisFailed");
        assertThat(condition(rollout, ConditionTypes.READY).getStatus())
                .as("the live pair still serves")
                .isEqualTo("True");
        SwapRecord record = rollout.getStatus().getHistory().getFirst();
        assertThat(record.getResult()).isEqualTo(SwapResult.Aborted);
        assertThat(record.isRegistryUpdated())
                .as("version 2 is to be archived in MLflow")
                .isFalse();
        assertThat(aborted.transitions()).anySatisfy(t -> {
            assertThat(t.warning()).isTrue();
            assertThat(t.reason()).isEqualTo(RolloutReason.AnalysisFailed);
            assertThat(t.message()).contains("RecallTooLow");
        });

        SwapPlanner.Plan idle = SwapPlanner.plan(
                rollout, resolved(V2), slots().ready(Colour.BLUE, V1, 2).build(), failing, T0.plusSeconds(60));
        assertThat(idle.swapStarted()).isFalse();

        rollout.getMetadata().setAnnotations(Map.of(Rollout.RETRY_ANNOTATION, V2.pair()));
        SwapPlanner.Plan retried = SwapPlanner.plan(
                rollout, resolved(V2), slots().ready(Colour.BLUE, V1, 2).build(), passing, T0.plusSeconds(70));
        assertThat(retried.swapStarted()).isTrue();
        assertThat(retried.status().getRejected()).isNull();
    }

    @Test
    void anAbortedSwapStaysAbortedOnceItsVersionIsArchivedUntilTheSpecNamesAnotherPair() {
        Rollout rollout = live(V1, 1);
        SwapPlanner.Analyst failing = analyst(p -> failed(p, "RecallTooLow"));
        var slots = slots().ready(Colour.BLUE, V1, 1).ready(Colour.GREEN, V2, 1).build();
        for (int step = 0; step < 3; step++) {
            store(rollout, SwapPlanner.plan(rollout, resolved(V2), slots, failing, T0.plusSeconds(step)));
        }
        assertThat(rollout.getStatus().getPhase()).isEqualTo(RolloutPhase.Aborted);
        var liveOnly = slots().ready(Colour.BLUE, V1, 1).build();

        // The abort archives version 2 in MLflow; the RecModel then resolves to nothing.
        PairResolution archived = PairResolution.waiting(
                RolloutReason.ModelArchived, "RecModel movies version 2 was archived (AnalysisFailed)");
        store(rollout, SwapPlanner.plan(rollout, archived, liveOnly, failing, T0.plusSeconds(10)));

        assertThat(rollout.getStatus().getPhase())
                .as("the spec still names the rejected pair")
                .isEqualTo(RolloutPhase.Aborted);
        assertThat(rollout.getStatus().getRejected().getReplicas()).isZero();
        assertThat(rollout.getStatus().getActive().getPair()).isEqualTo(V1.pair());

        rollout.getSpec().setPair(new PairRef("movies-v3", "movies-v3-index"));
        PairResolution notYet =
                PairResolution.waiting(RolloutReason.IndexNotBuilt, "RecIndex movies-v3-index is not built yet");
        store(rollout, SwapPlanner.plan(rollout, notYet, liveOnly, failing, T0.plusSeconds(20)));
        assertThat(rollout.getStatus().getPhase())
                .as("another pair is asked for")
                .isEqualTo(RolloutPhase.Healthy);
    }

    @Test
    void aFailedNewIndexOfTheLiveModelVersionDoesNotArchiveThatVersion() {
        Rollout rollout = live(V1, 1);
        TargetPair newIndex = pair("1", "dddddddd44444444");
        SwapPlanner.Analyst failing = analyst(p -> failed(p, "LatencyTooHigh"));
        var slots = slots().ready(Colour.BLUE, V1, 1)
                .ready(Colour.GREEN, newIndex, 1)
                .build();
        store(rollout, SwapPlanner.plan(rollout, resolved(newIndex), slots, failing, T0));
        store(rollout, SwapPlanner.plan(rollout, resolved(newIndex), slots, failing, T0.plusSeconds(1)));
        store(rollout, SwapPlanner.plan(rollout, resolved(newIndex), slots, failing, T0.plusSeconds(2)));

        SwapRecord record = rollout.getStatus().getHistory().getFirst();
        assertThat(record.getResult()).isEqualTo(SwapResult.Aborted);
        assertThat(record.isRegistryUpdated())
                .as("nothing to archive: version 1 is live")
                .isTrue();
    }

    @Test
    void keptFailuresStayInTheirSlotWhenAbortOnFailureIsOff() {
        Rollout rollout = live(V1, 2);
        rollout.getSpec().getStrategy().getBlueGreen().setAbortOnFailure(false);
        SwapPlanner.Analyst failing = analyst(p -> failed(p, "VersionMismatch"));
        var slots = slots().ready(Colour.BLUE, V1, 2).ready(Colour.GREEN, V2, 1).build();
        for (int step = 0; step < 3; step++) {
            store(rollout, SwapPlanner.plan(rollout, resolved(V2), slots, failing, T0.plusSeconds(step)));
        }

        assertThat(rollout.getStatus().getRejected().getReplicas()).isEqualTo(1);
        assertThat(SlotAssignment.of(rollout.getStatus(), Colour.GREEN))
                .get()
                .extracting(p -> p.getPair())
                .isEqualTo(V2.pair());

        SwapPlanner.Plan next = SwapPlanner.plan(rollout, resolved(V3), slots, passing, T0.plusSeconds(10));
        assertThat(next.status().getPreview().getColour())
                .as("the next candidate takes over the kept one's slot")
                .isEqualTo(Colour.GREEN);
        assertThat(SlotAssignment.of(next.status(), Colour.GREEN).orElseThrow().getPair())
                .isEqualTo(V3.pair());
    }

    @Test
    void aCandidateThatMissesItsDeadlineIsAbortedWithWhatHeldItBack() {
        Rollout rollout = live(V1, 1);
        rollout.getSpec().getStrategy().getBlueGreen().setProgressDeadlineSeconds(60);
        var stuck = slots().ready(Colour.BLUE, V1, 1)
                .stuck(Colour.GREEN, V2, "Unschedulable", "0/4 nodes are available: 4 Insufficient nvidia.com/gpu.")
                .build();
        store(rollout, SwapPlanner.plan(rollout, resolved(V2), stuck, passing, T0));
        store(rollout, SwapPlanner.plan(rollout, resolved(V2), stuck, passing, T0.plusSeconds(30)));
        assertThat(condition(rollout, ConditionTypes.PROGRESSING).getReason()).isEqualTo("Unschedulable");

        SwapPlanner.Plan late = SwapPlanner.plan(rollout, resolved(V2), stuck, passing, T0.plusSeconds(61));

        assertThat(late.status().getPreview()).isNull();
        assertThat(late.status().getActive().getPair()).isEqualTo(V1.pair());
        assertThat(late.transitions()).anySatisfy(t -> {
            assertThat(t.reason()).isEqualTo(RolloutReason.ProgressDeadlineExceeded);
            assertThat(t.message()).contains("Insufficient nvidia.com/gpu");
        });
        assertThat(late.status().getHistory().getFirst().isRegistryUpdated())
                .as("a deadline says nothing about the model: not archived")
                .isTrue();
    }

    @Test
    void withoutAutoPromotionTheCandidateWaitsForThePromoteAnnotation() {
        Rollout rollout = live(V1, 1);
        rollout.getSpec().getStrategy().getBlueGreen().setAutoPromotion(false);
        var slots = slots().ready(Colour.BLUE, V1, 1).ready(Colour.GREEN, V2, 1).build();
        for (int step = 0; step < 3; step++) {
            store(rollout, SwapPlanner.plan(rollout, resolved(V2), slots, passing, T0.plusSeconds(step)));
        }
        assertThat(rollout.getStatus().getPhase()).isEqualTo(RolloutPhase.AwaitingPromotion);
        store(rollout, SwapPlanner.plan(rollout, resolved(V2), slots, passing, T0.plusSeconds(3600)));
        assertThat(rollout.getStatus().getActive().getPair())
                .as("no deadline while waiting for a person")
                .isEqualTo(V1.pair());

        rollout.getMetadata().setAnnotations(Map.of(Rollout.PROMOTE_ANNOTATION, "v9-00000000"));
        store(rollout, SwapPlanner.plan(rollout, resolved(V2), slots, passing, T0.plusSeconds(3601)));
        assertThat(rollout.getStatus().getActive().getPair())
                .as("annotation names another pair")
                .isEqualTo(V1.pair());

        rollout.getMetadata().setAnnotations(Map.of(Rollout.PROMOTE_ANNOTATION, V2.pair()));
        store(rollout, SwapPlanner.plan(rollout, resolved(V2), slots, passing, T0.plusSeconds(3602)));
        assertThat(rollout.getStatus().getActive().getPair()).isEqualTo(V2.pair());
        assertThat(rollout.getStatus().getHistory().getFirst().getReason()).isEqualTo("ManualPromotion");
        assertThat(analyses).as("analysed once, before waiting").hasValue(1);
    }

    @Test
    void aCandidateWhoseVersionIsArchivedIsRemovedEvenWhenFailuresAreKept() {
        Rollout rollout = live(V1, 1);
        rollout.getSpec().getStrategy().getBlueGreen().setAbortOnFailure(false);
        store(
                rollout,
                SwapPlanner.plan(
                        rollout, resolved(V2), slots().ready(Colour.BLUE, V1, 1).build(), passing, T0));

        SwapPlanner.Plan archived = SwapPlanner.plan(
                rollout,
                PairResolution.waiting(
                        RolloutReason.ModelArchived, "RecModel movies version 2 was archived (LostOffline)"),
                slots().ready(Colour.BLUE, V1, 1).build(),
                passing,
                T0.plusSeconds(1));

        assertThat(archived.status().getPreview()).isNull();
        assertThat(archived.status().getActive().getPair()).isEqualTo(V1.pair());
        assertThat(SlotAssignment.of(archived.status(), Colour.GREEN)).isEmpty();
        assertThat(archived.transitions())
                .extracting(SwapPlanner.Transition::reason)
                .contains(RolloutReason.ModelArchived);
    }

    @Test
    void theLivePairIsNeverRemovedBecauseItsVersionWasArchived() {
        Rollout rollout = live(V1, 1);

        SwapPlanner.Plan plan = SwapPlanner.plan(
                rollout,
                PairResolution.waiting(
                        RolloutReason.ModelArchived, "RecModel movies version 1 was archived (ArchivedInMlflow)"),
                slots().ready(Colour.BLUE, V1, 1).build(),
                passing,
                T0);

        assertThat(plan.status().getActive().getPair()).isEqualTo(V1.pair());
        assertThat(SlotAssignment.of(plan.status(), Colour.BLUE)).isPresent();
        assertThat(plan.status().condition("Ready").orElseThrow().getStatus()).isEqualTo("True");
        assertThat(plan.status().condition("Degraded").orElseThrow().getReason())
                .isEqualTo("ModelArchived");
    }

    @Test
    void theAbortAnnotationStopsASwap() {
        Rollout rollout = live(V1, 1);
        store(
                rollout,
                SwapPlanner.plan(
                        rollout, resolved(V2), slots().ready(Colour.BLUE, V1, 1).build(), passing, T0));
        rollout.getMetadata().setAnnotations(Map.of(Rollout.ABORT_ANNOTATION, V2.pair()));

        SwapPlanner.Plan aborted = SwapPlanner.plan(
                rollout, resolved(V2), slots().ready(Colour.BLUE, V1, 1).build(), passing, T0.plusSeconds(1));

        assertThat(aborted.status().getPreview()).isNull();
        assertThat(aborted.status().getRejected().getPair()).isEqualTo(V2.pair());
        assertThat(aborted.status().getHistory().getFirst().getReason()).isEqualTo("ManualAbort");
    }

    @Test
    void aNewPairMidSwapSupersedesTheCandidateWithoutRejectingIt() {
        Rollout rollout = live(V1, 1);
        store(
                rollout,
                SwapPlanner.plan(
                        rollout, resolved(V2), slots().ready(Colour.BLUE, V1, 1).build(), passing, T0));

        SwapPlanner.Plan superseded = SwapPlanner.plan(
                rollout, resolved(V3), slots().ready(Colour.BLUE, V1, 1).build(), passing, T0.plusSeconds(1));

        assertThat(superseded.status().getRejected()).isNull();
        assertThat(superseded.status().getPreview().getPair())
                .as("the new pair's swap starts at once")
                .isEqualTo(V3.pair());
        assertThat(superseded.transitions())
                .extracting(SwapPlanner.Transition::reason)
                .containsExactly(RolloutReason.Superseded, RolloutReason.SwapStarted);
        assertThat(superseded.transitions().getFirst().warning()).isFalse();
    }

    @Test
    void aSwapStartedDuringTheScaleDownDelayRemovesTheRetiringPairFirst() {
        Rollout rollout = swappedTo(V2);
        assertThat(rollout.getStatus().getRetiring()).isNotNull();

        SwapPlanner.Plan next = SwapPlanner.plan(
                rollout,
                resolved(V3),
                slots().ready(Colour.BLUE, V1, 2).ready(Colour.GREEN, V2, 2).build(),
                passing,
                T0.plusSeconds(15));

        assertThat(next.status().getRetiring()).isNull();
        assertThat(next.status().getPreview().getColour()).isEqualTo(Colour.BLUE);
        assertThat(SlotAssignment.of(next.status(), Colour.BLUE).orElseThrow().getPair())
                .isEqualTo(V3.pair());
    }

    @Test
    void conditionTransitionTimesMoveOnlyWhenTheStatusFlips() {
        Rollout rollout = live(V1, 1);
        String since = condition(rollout, ConditionTypes.READY).getLastTransitionTime();

        store(
                rollout,
                SwapPlanner.plan(
                        rollout,
                        resolved(V1),
                        slots().ready(Colour.BLUE, V1, 1).build(),
                        passing,
                        T0.plusSeconds(500)));
        assertThat(condition(rollout, ConditionTypes.READY).getLastTransitionTime())
                .isEqualTo(since);

        store(rollout, SwapPlanner.plan(rollout, resolved(V1), slots().build(), passing, T0.plusSeconds(600)));
        assertThat(condition(rollout, ConditionTypes.READY).getStatus()).isEqualTo("False");
        assertThat(condition(rollout, ConditionTypes.READY).getLastTransitionTime())
                .isEqualTo("2026-12-02T10:10:00Z");
        assertThat(rollout.getStatus().getPhase()).isEqualTo(RolloutPhase.Degraded);
    }

    /** A Rollout whose first pair is live in the blue slot at T0 - 1 min. */
    private Rollout live(TargetPair pair, int replicas) {
        Rollout rollout = rollout(replicas, 1);
        Instant before = T0.minusSeconds(60);
        store(rollout, SwapPlanner.plan(rollout, resolved(pair), slots().build(), passing, before));
        store(
                rollout,
                SwapPlanner.plan(
                        rollout,
                        resolved(pair),
                        slots().ready(Colour.BLUE, pair, replicas).build(),
                        passing,
                        before));
        return rollout;
    }

    /** A Rollout that just promoted the given pair over V1 (at T0 + 12 s, V1 retiring). */
    private Rollout swappedTo(TargetPair pair) {
        Rollout rollout = live(V1, 2);
        var slots =
                slots().ready(Colour.BLUE, V1, 2).ready(Colour.GREEN, pair, 1).build();
        store(
                rollout,
                SwapPlanner.plan(
                        rollout,
                        resolved(pair),
                        slots().ready(Colour.BLUE, V1, 2).build(),
                        passing,
                        T0));
        store(rollout, SwapPlanner.plan(rollout, resolved(pair), slots, passing, T0.plusSeconds(10)));
        store(rollout, SwapPlanner.plan(rollout, resolved(pair), slots, passing, T0.plusSeconds(12)));
        assertThat(rollout.getStatus().getActive().getPair()).isEqualTo(pair.pair());
        analyses.set(0);
        return rollout;
    }

    private static Condition condition(Rollout rollout, String type) {
        return rollout.getStatus().condition(type).orElseThrow();
    }
}
