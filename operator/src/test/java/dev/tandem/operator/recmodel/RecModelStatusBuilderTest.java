/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelReason;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelStatus;
import dev.tandem.api.crd.v1alpha1.recmodel.SimilarityKind;
import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.mlflow.ModelVersion;
import dev.tandem.operator.recmodel.RecModelStatusBuilder.Outcome;
import dev.tandem.operator.recmodel.RecModelStatusBuilder.StatusEvent;
import dev.tandem.operator.status.StatusComparison;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RecModelStatusBuilderTest {

    private static final Duration RESYNC = Duration.ofSeconds(60);
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final String SOURCE_1 = "mlflow-artifacts:/1/run1/artifacts/bundle";
    private static final String SOURCE_2 = "mlflow-artifacts:/1/run2/artifacts/bundle";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final MutableClock clock = new MutableClock(START);
    private final RecModelStatusBuilder builder = new RecModelStatusBuilder(clock, RESYNC);

    @Test
    void aVerifiedVersionIsReadyWithItsFacts() {
        RecModel model = recModel("3", null);

        Outcome outcome = builder.build(model, resolved(version("3", SOURCE_1, "None"), verified()));

        RecModelStatus status = outcome.status();
        assertThat(status.getObservedGeneration()).isEqualTo(1L);
        assertThat(status.getResolvedVersion()).isEqualTo("3");
        assertThat(status.getRunId()).isEqualTo("run-3");
        assertThat(status.getArtifactUri()).isEqualTo(SOURCE_1);
        assertThat(status.getDatasetVersion()).isEqualTo("ds-0123456789abcdef");
        assertThat(status.getSimilarity()).isEqualTo(SimilarityKind.DOT);
        assertThat(status.getEmbeddingDim()).isEqualTo(16);
        assertThat(status.getItemCount()).isEqualTo(500);
        assertThat(status.getChecksums()).containsEntry("embeddings/item_vectors.f32", "cd");
        assertThat(status.getOfflineMetrics()).containsEntry("train_loss", 4.6);
        assertThat(status.getStage()).isEqualTo("None");
        assertThat(status.getArchived()).isNull();
        assertCondition(status, "Ready", "True", "Verified");
        assertCondition(status, "Progressing", "False", "Verified");
        assertCondition(status, "Degraded", "False", "Verified");
        assertThat(status.getConditions())
                .allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(1L));
        assertThat(condition(status, "Ready").getMessage())
                .isEqualTo("version 3 of movies is verified: 500 items of dim 16, dot similarity, trained on"
                        + " ds-0123456789abcdef");
        assertThat(outcome.events())
                .containsExactly(new StatusEvent(
                        false,
                        RecModelReason.Verified,
                        condition(status, "Ready").getMessage()));
        assertThat(outcome.requeueAfter()).isEqualTo(RESYNC);
        assertThat(outcome.failure()).isEmpty();
    }

    @Test
    void aResyncRefreshesStageAndAliasesAndKeepsTheVerifiedFacts() {
        RecModel model = recModel("3", null);
        store(model, builder.build(model, resolved(version("3", SOURCE_1, "None"), verified())));
        assertThat(RecModelStatusBuilder.verdictStands(model, version("3", SOURCE_1, "Staging")))
                .isTrue();
        RecModelStatus before = model.getStatus();
        clock.advance(Duration.ofMinutes(5));

        Outcome unchanged = builder.build(model, reused(version("3", SOURCE_1, "None")));
        assertThat(StatusComparison.same(before, unchanged.status())).isTrue();
        assertThat(unchanged.events()).isEmpty();

        Outcome staged = builder.build(
                model,
                reused(new ModelVersion(
                        "movies",
                        "3",
                        SOURCE_1,
                        "run-3",
                        "Staging",
                        List.of("challenger"),
                        Map.of(MlflowTags.eval("recall_at_50"), "0.412000"))));
        assertThat(staged.status().getStage()).isEqualTo("Staging");
        assertThat(staged.status().getAliases()).containsExactly("challenger");
        assertThat(staged.status().getChecksums()).isEqualTo(before.getChecksums());
        assertThat(staged.status().getOfflineMetrics()).containsEntry("recall_at_50", 0.412);
        assertThat(condition(staged.status(), "Ready").getLastTransitionTime())
                .isEqualTo(condition(before, "Ready").getLastTransitionTime());
        assertThat(staged.events()).isEmpty();
    }

    @Test
    void theVerdictIsTakenAgainForAnotherVersionSourceOrSpec() {
        RecModel model = recModel("3", null);
        assertThat(RecModelStatusBuilder.verdictStands(model, version("3", SOURCE_1, "None")))
                .isFalse();
        store(model, builder.build(model, resolved(version("3", SOURCE_1, "None"), verified())));

        assertThat(RecModelStatusBuilder.verdictStands(model, version("4", SOURCE_1, "None")))
                .isFalse();
        assertThat(RecModelStatusBuilder.verdictStands(model, version("3", SOURCE_2, "None")))
                .isFalse();
        model.getMetadata().setGeneration(2L);
        assertThat(RecModelStatusBuilder.verdictStands(model, version("3", SOURCE_1, "None")))
                .isFalse();
    }

    @Test
    void anAliasThatMovesPinsTheNewVersionWithAnEvent() {
        RecModel model = recModel(null, "champion");
        store(model, builder.build(model, resolved(version("1", SOURCE_1, "Production"), verified())));
        clock.advance(Duration.ofMinutes(1));

        Outcome moved = builder.build(model, resolved(version("2", SOURCE_2, "Staging"), verified()));

        assertThat(moved.status().getResolvedVersion()).isEqualTo("2");
        assertThat(moved.status().getArtifactUri()).isEqualTo(SOURCE_2);
        assertThat(moved.events())
                .extracting(StatusEvent::reason)
                .containsExactly(RecModelReason.AliasMoved, RecModelReason.Verified);
        assertThat(moved.events().getFirst().message())
                .startsWith("alias champion of movies moved from version 1 to version 2");
        assertThat(moved.events()).noneMatch(StatusEvent::warning);
        // Ready stayed True throughout: its transition time is the first verification's.
        assertThat(condition(moved.status(), "Ready").getLastTransitionTime()).isEqualTo(START.toString());
    }

    @Test
    void aNewAliasInTheSpecIsNotAnAliasThatMoved() {
        RecModel model = recModel(null, "champion");
        store(model, builder.build(model, resolved(version("1", SOURCE_1, "Production"), verified())));
        model.getSpec().setAlias("challenger");
        model.getMetadata().setGeneration(2L);

        Outcome outcome = builder.build(model, resolved(version("2", SOURCE_2, "Staging"), verified()));

        assertThat(outcome.events()).extracting(StatusEvent::reason).containsExactly(RecModelReason.Verified);
        assertThat(outcome.status().getObservedGeneration()).isEqualTo(2L);
    }

    @Test
    void aBundleThatFailsVerificationIsReportedOnceAndNotCheckedAgain() {
        RecModel model = recModel("4", null);
        String refusal = "the bundle of version 4 (" + SOURCE_1 + ") failed verification: embeddings/item_vectors.f32"
                + " has sha256 00, the manifest says cd";

        Outcome refused = builder.build(
                model,
                new RecModelObservation.Resolved(
                        version("4", SOURCE_1, "None"), Optional.of(new Verification.Refused(refusal))));

        RecModelStatus status = refused.status();
        assertThat(status.getResolvedVersion()).isEqualTo("4");
        assertThat(status.getChecksums()).isNull();
        assertThat(status.getItemCount()).isNull();
        assertCondition(status, "Ready", "False", "BundleInvalid");
        assertCondition(status, "Degraded", "True", "BundleInvalid");
        assertCondition(status, "Progressing", "False", "BundleInvalid");
        assertThat(condition(status, "Degraded").getMessage()).isEqualTo(refusal);
        assertThat(refused.events()).containsExactly(new StatusEvent(true, RecModelReason.BundleInvalid, refusal));
        assertThat(refused.failure()).contains("BundleInvalid");

        store(model, refused);
        assertThat(RecModelStatusBuilder.verdictStands(model, version("4", SOURCE_1, "None")))
                .isTrue();
        Outcome resync = builder.build(model, reused(version("4", SOURCE_1, "None")));
        assertThat(StatusComparison.same(model.getStatus(), resync.status())).isTrue();
        assertThat(resync.events()).isEmpty();
        assertThat(resync.failure()).contains("BundleInvalid");
    }

    @Test
    void aVersionTheTrainerRejectedIsArchivedWithItsReasonAndStaysArchived() {
        RecModel model = recModel("3", null);
        store(model, builder.build(model, resolved(version("3", SOURCE_1, "None"), verified())));
        clock.advance(Duration.ofMinutes(2));
        ModelVersion rejected = new ModelVersion(
                "movies",
                "3",
                SOURCE_1,
                "run-3",
                "Archived",
                List.of(),
                Map.of(
                        MlflowTags.DECISION,
                        MlflowTags.Decision.REJECTED.value(),
                        MlflowTags.DECISION_REASON,
                        "recall@50 0.21 is below 0.25"));

        Outcome archived = builder.build(model, reused(rejected));

        RecModelStatus status = archived.status();
        assertThat(status.getArchived().getReason()).isEqualTo("LostOffline");
        assertThat(status.getArchived().getMessage())
                .isEqualTo("version 3 of movies lost on offline metrics: recall@50 0.21 is below 0.25 (MLflow stage"
                        + " Archived)");
        assertThat(status.getArchived().getAt()).isEqualTo("2026-03-01T10:02:00Z");
        assertCondition(status, "Ready", "False", "Archived");
        assertCondition(status, "Degraded", "False", "Archived");
        assertCondition(status, "Progressing", "False", "Archived");
        assertThat(status.getChecksums()).as("the verified facts stay").isNotEmpty();
        assertThat(archived.events())
                .containsExactly(new StatusEvent(
                        true, RecModelReason.Archived, status.getArchived().getMessage()));
        assertThat(archived.failure()).isEmpty();

        store(model, archived);
        clock.advance(Duration.ofMinutes(2));
        Outcome unarchived = builder.build(model, reused(version("3", SOURCE_1, "Staging")));
        assertThat(unarchived.status().getArchived().getAt()).isEqualTo("2026-03-01T10:02:00Z");
        assertCondition(unarchived.status(), "Ready", "False", "Archived");
        assertThat(unarchived.events()).isEmpty();
    }

    @Test
    void aVersionArchivedByStageAloneSaysSo() {
        RecModel model = recModel("5", null);

        Outcome outcome = builder.build(model, reused(version("5", SOURCE_1, "Archived")));

        assertThat(outcome.status().getArchived().getReason()).isEqualTo("ArchivedInMlflow");
        assertThat(outcome.status().getArchived().getMessage())
                .isEqualTo("version 5 of movies is in stage Archived in MLflow; it is not deployed again");
        assertThat(outcome.status().getChecksums())
                .as("a lost version is not downloaded")
                .isNull();
        assertCondition(outcome.status(), "Ready", "False", "Archived");
    }

    @Test
    void aVersionThatIsNeitherVerifiedNorLostIsACallersMistake() {
        RecModel model = recModel("5", null);
        assertThatThrownBy(() -> builder.build(model, reused(version("5", SOURCE_1, "None"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingVersionClearsTheFacts() {
        RecModel model = recModel("3", null);
        store(model, builder.build(model, resolved(version("3", SOURCE_1, "None"), verified())));
        model.getSpec().setVersion("99");
        model.getMetadata().setGeneration(2L);
        String message = "MLflow at http://mlflow:5000 has no version 99 of model movies";

        Outcome outcome =
                builder.build(model, new RecModelObservation.NotResolved(RecModelReason.VersionNotFound, message));

        assertThat(outcome.status().getResolvedVersion()).isNull();
        assertThat(outcome.status().getChecksums()).isNull();
        assertCondition(outcome.status(), "Ready", "False", "VersionNotFound");
        assertCondition(outcome.status(), "Degraded", "True", "VersionNotFound");
        assertThat(condition(outcome.status(), "Ready").getMessage()).isEqualTo(message);
        assertThat(outcome.events()).containsExactly(new StatusEvent(true, RecModelReason.VersionNotFound, message));
        assertThat(outcome.failure()).contains("VersionNotFound");
        assertThat(outcome.requeueAfter()).isEqualTo(RESYNC);
    }

    @Test
    void anAliasThatDisappearsKeepsThePinnedVersion() {
        RecModel model = recModel(null, "champion");
        store(
                model,
                builder.build(
                        model,
                        resolved(
                                new ModelVersion(
                                        "movies", "1", SOURCE_1, "run-1", "None", List.of("champion", "old"), Map.of()),
                                verified())));

        Outcome outcome = builder.build(
                model,
                new RecModelObservation.NotResolved(
                        RecModelReason.AliasNotFound,
                        "MLflow at http://mlflow:5000 has no alias champion on model movies"));

        assertThat(outcome.status().getResolvedVersion()).isEqualTo("1");
        assertThat(outcome.status().getChecksums()).isNotEmpty();
        assertThat(outcome.status().getAliases()).containsExactly("old");
        assertCondition(outcome.status(), "Ready", "False", "AliasNotFound");
        assertThat(condition(outcome.status(), "Ready").getMessage())
                .endsWith("; version 1 stays the resolved version");
        assertThat(outcome.events()).extracting(StatusEvent::reason).containsExactly(RecModelReason.AliasNotFound);
    }

    @Test
    void anUnreachableRegistryKeepsWhatWasVerifiedAndRetriesWithGrowingDelays() {
        RecModel model = recModel("3", null);
        store(model, builder.build(model, resolved(version("3", SOURCE_1, "Production"), verified())));
        RecModelStatus verified = model.getStatus();
        clock.advance(Duration.ofMinutes(1));
        String message = "MLflow at http://mlflow:5000 is unreachable: Connection refused";
        RecModelObservation down = new RecModelObservation.Unavailable(RecModelReason.RegistryUnreachable, message);

        Outcome first = builder.build(model, down);

        RecModelStatus status = first.status();
        assertThat(status.getResolvedVersion()).isEqualTo("3");
        assertThat(status.getChecksums()).isEqualTo(verified.getChecksums());
        assertThat(status.getStage()).isEqualTo("Production");
        assertCondition(status, "Ready", "True", "Verified");
        assertThat(condition(status, "Ready").getLastTransitionTime()).isEqualTo(START.toString());
        assertCondition(status, "Degraded", "True", "RegistryUnreachable");
        assertCondition(status, "Progressing", "True", "RegistryUnreachable");
        assertThat(condition(status, "Degraded").getMessage()).isEqualTo(message);
        assertThat(first.events()).containsExactly(new StatusEvent(true, RecModelReason.RegistryUnreachable, message));
        assertThat(first.failure()).contains("RegistryUnreachable");
        assertThat(first.requeueAfter()).isEqualTo(RecModelStatusBuilder.MIN_RETRY);

        store(model, first);
        clock.advance(Duration.ofSeconds(2));
        assertThat(builder.build(model, down).requeueAfter()).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(8));
        Outcome later = builder.build(model, down);
        assertThat(later.requeueAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(later.events()).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(builder.build(model, down).requeueAfter()).isEqualTo(RESYNC);

        Outcome back = builder.build(model, reused(version("3", SOURCE_1, "Production")));
        assertCondition(back.status(), "Degraded", "False", "Verified");
        assertCondition(back.status(), "Progressing", "False", "Verified");
        assertThat(back.events())
                .containsExactly(new StatusEvent(
                        false, RecModelReason.RegistryReachable, "MLflow at http://mlflow:5000 answers again"));
        assertThat(back.requeueAfter()).isEqualTo(RESYNC);
    }

    @Test
    void anUnreachableRegistryBeforeAnythingWasResolvedIsNotReady() {
        RecModel model = recModel("3", null);

        Outcome outcome = builder.build(
                model,
                new RecModelObservation.Unavailable(
                        RecModelReason.RegistryRefused, "MLflow at http://mlflow:5000 answered HTTP 403 (HTTP_ERROR)"));

        assertThat(outcome.status().getResolvedVersion()).isNull();
        assertCondition(outcome.status(), "Ready", "False", "RegistryRefused");
        assertCondition(outcome.status(), "Degraded", "True", "RegistryRefused");
        assertThat(outcome.events()).extracting(StatusEvent::reason).containsExactly(RecModelReason.RegistryRefused);
    }

    @Test
    void onlyTheVersionsOwnEvaluationTagsAreOfflineMetrics() {
        assertThat(RecModelStatusBuilder.withTagMetrics(
                        Map.of("train_loss", 4.6),
                        Map.of(
                                MlflowTags.eval("recall_at_50"),
                                "0.412000",
                                MlflowTags.eval("ndcg_at_10"),
                                "0.1",
                                MlflowTags.evalBaseline("popularity", "recall_at_50"),
                                "0.2",
                                MlflowTags.EVAL_USERS,
                                "300",
                                MlflowTags.EVAL_DATASET_VERSION,
                                "ds-1",
                                MlflowTags.eval("note"),
                                "fine",
                                MlflowTags.DATASET_VERSION,
                                "ds-1")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("train_loss", 4.6, "recall_at_50", 0.412, "ndcg_at_10", 0.1));
        assertThat(RecModelStatusBuilder.withTagMetrics(null, Map.of())).isNull();
    }

    private static RecModel recModel(String version, String alias) {
        RecModelSpec spec = new RecModelSpec();
        spec.setTrackingUri("http://mlflow:5000");
        spec.setRegisteredModel("movies");
        spec.setVersion(version);
        spec.setAlias(alias);
        RecModel model = new RecModel();
        model.setMetadata(new ObjectMetaBuilder()
                .withName("movies")
                .withNamespace("recs")
                .withGeneration(1L)
                .build());
        model.setSpec(spec);
        model.setStatus(null);
        return model;
    }

    private static ModelVersion version(String version, String source, String stage) {
        return new ModelVersion("movies", version, source, "run-" + version, stage, List.of(), Map.of());
    }

    private static Verification verified() {
        return new Verification.Verified(new BundleFacts(
                "ds-0123456789abcdef",
                SimilarityKind.DOT,
                16,
                500,
                new TreeMap<>(Map.of("embeddings/item_ids.i64", "ab", "embeddings/item_vectors.f32", "cd")),
                new TreeMap<>(Map.of("train_loss", 4.6))));
    }

    private static RecModelObservation resolved(ModelVersion version, Verification verification) {
        return new RecModelObservation.Resolved(version, Optional.of(verification));
    }

    private static RecModelObservation reused(ModelVersion version) {
        return new RecModelObservation.Resolved(version, Optional.empty());
    }

    /** What the API server would hand the next reconcile: the written status, read back from JSON. */
    private static void store(RecModel model, Outcome outcome) {
        model.setStatus(JSON.unmarshal(JSON.asJson(outcome.status()), RecModelStatus.class));
    }

    private static Condition condition(RecModelStatus status, String type) {
        return status.condition(type).orElseThrow(() -> new AssertionError("no " + type + " condition"));
    }

    private static void assertCondition(RecModelStatus status, String type, String value, String reason) {
        Condition condition = condition(status, type);
        assertThat(condition.getStatus()).as(type).isEqualTo(value);
        assertThat(condition.getReason()).as(type + " reason").isEqualTo(reason);
    }
}
