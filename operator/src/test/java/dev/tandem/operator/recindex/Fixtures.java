/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import dev.tandem.api.crd.v1alpha1.common.ArchiveRecord;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexSpec;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelStatus;
import dev.tandem.api.naming.RecIndexNames;
import dev.tandem.bundle.BundleLayout;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** RecIndexes, RecModels, Jobs and pods as the API server would hand them to the reconciler. */
final class Fixtures {

    static final String NAMESPACE = "recs";
    static final String TRACKING = "http://mlflow.mlops:5000";
    static final String BUNDLE = "mlflow-artifacts:/1/0a1b2c/artifacts/bundle";
    static final String VECTORS_SHA = "a".repeat(64);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {}

    static RecIndex index(String name) {
        RecIndex index = new RecIndex();
        index.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(NAMESPACE)
                .withGeneration(1L)
                .withUid("uid-" + name)
                .build());
        RecIndexSpec spec = new RecIndexSpec();
        spec.setModelRef("movies");
        index.setSpec(spec);
        return index;
    }

    /** A RecModel resolved to {@code version} and verified (Ready True), with the bundle's checksums. */
    static RecModel readyModel(String version) {
        RecModel model = new RecModel();
        model.setMetadata(new ObjectMetaBuilder()
                .withName("movies")
                .withNamespace(NAMESPACE)
                .withGeneration(1L)
                .build());
        RecModelSpec spec = new RecModelSpec();
        spec.setTrackingUri(TRACKING);
        spec.setRegisteredModel("youtube-dnn");
        spec.setAlias("champion");
        model.setSpec(spec);
        RecModelStatus status = new RecModelStatus();
        status.setResolvedVersion(version);
        status.setArtifactUri(BUNDLE);
        status.setChecksums(Map.of(BundleLayout.ITEM_VECTORS, VECTORS_SHA, BundleLayout.ITEM_IDS, "b".repeat(64)));
        status.setConditions(List.of(new ConditionBuilder()
                .withType("Ready")
                .withStatus("True")
                .withReason("Verified")
                .build()));
        model.setStatus(status);
        return model;
    }

    static RecModel archivedModel(String version) {
        RecModel model = readyModel(version);
        model.getStatus().setArchived(new ArchiveRecord("LostOffline", "lost on recall@50", "2026-03-01T09:00:00Z"));
        model.getStatus()
                .setConditions(List.of(new ConditionBuilder()
                        .withType("Ready")
                        .withStatus("False")
                        .withReason("Archived")
                        .build()));
        return model;
    }

    static BuildPlan plan(RecIndex index, RecModel model) {
        return ((ModelSituation.Buildable) ModelSituation.of(index, model)).plan();
    }

    static Job job(String name, String conditionType, String reason, String message) {
        JobBuilder job = new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withNewStatus()
                .endStatus();
        if (conditionType != null) {
            job.editStatus()
                    .addToConditions(new JobConditionBuilder()
                            .withType(conditionType)
                            .withStatus("True")
                            .withReason(reason)
                            .withMessage(message)
                            .withLastTransitionTime("2026-03-01T09:59:00Z")
                            .build())
                    .withCompletionTime("Complete".equals(conditionType) ? "2026-03-01T09:59:00Z" : null)
                    .endStatus();
        }
        return job.build();
    }

    /** A build pod of the Job that ended in {@code phase} with this termination message (null: still running). */
    static Pod pod(String jobName, String phase, Integer exitCode, String message) {
        var status = new ContainerStatusBuilder().withName(RecIndexNames.CONTAINER);
        if (exitCode != null) {
            status.withNewState()
                    .withNewTerminated()
                    .withExitCode(exitCode)
                    .withMessage(message)
                    .withFinishedAt("2026-03-01T09:58:59Z")
                    .endTerminated()
                    .endState();
        } else {
            status.withNewState().withNewRunning().endRunning().endState();
        }
        return new PodBuilder()
                .withNewMetadata()
                .withName(jobName + "-x7k2p")
                .withNamespace(NAMESPACE)
                .withCreationTimestamp("2026-03-01T09:50:00Z")
                .addToLabels(RecIndexNames.JOB_NAME_LABEL, jobName)
                .endMetadata()
                .withNewStatus()
                .withPhase(phase)
                .withContainerStatuses(status.build())
                .endStatus()
                .build();
    }

    /** A summary line as build-index writes it, for version {@code version}. */
    static String summary(String version, String upload) {
        return "{\"modelName\":\"youtube-dnn\",\"modelVersion\":\"" + version + "\",\"items\":5000,\"dim\":16,"
                + "\"mips\":\"mobius\",\"maxDegree\":32,\"beamWidth\":200,\"overquery\":10,\"buildSeconds\":3.25,"
                + "\"probeQueries\":1000,\"probeRecallAt10\":0.9734,\"graphBytes\":123456,"
                + "\"indexManifestSha256\":\"" + "c".repeat(64) + "\",\"itemIdsSha256\":\"" + "b".repeat(64)
                + "\",\"itemVectorsSha256\":\"" + VECTORS_SHA + "\",\"out\":\"/var/lib/tandem/indexes/index\""
                + (upload == null ? "" : ",\"upload\":\"" + upload + "\"") + "}";
    }
}
