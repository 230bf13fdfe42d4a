/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import dev.tandem.api.crd.v1alpha1.recindex.BuildSpec;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.index.BuildIndexExit;
import dev.tandem.api.naming.RecIndexNames;
import dev.tandem.api.naming.TandemAnnotations;
import dev.tandem.operator.workload.CacheVolume;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRuleBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build Job of one {@link BuildPlan}: the serving image's {@code build-index} on the resolved model version with
 * the spec's HNSW parameters, writing to an emptyDir and uploading to MLflow, or writing into the claim; its summary
 * goes to the termination message, where the operator reads the result.
 */
public final class BuildJobs {

    /** Attempts after a failure that may pass on a retry (exit 1: upload, write or build failed). */
    static final int BACKOFF_LIMIT = 2;

    /** {@code spec.build.activeDeadlineSeconds} when unset. */
    static final long DEFAULT_DEADLINE_SECONDS = 3600;

    /** Threads when neither threads nor a CPU limit or request is given. */
    static final int DEFAULT_THREADS = 2;

    /** Where the index is written: an emptyDir for storage MLflow, the claim for PersistentVolumeClaim. */
    static final String OUT_MOUNT = "/var/lib/tandem/indexes";

    private BuildJobs() {}

    /**
     * @param image the serving image
     * @param pullPolicy its pull policy
     */
    public static Job desired(RecIndex index, BuildPlan plan, String image, String pullPolicy) {
        BuildSpec build = index.getSpec().getBuild();
        var hnsw = index.getSpec().getHnsw();
        Map<String, String> labels = RecIndexNames.labels(index, plan.modelVersion());
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(TandemAnnotations.BUILD_KEY, plan.buildKey());
        annotations.put(TandemAnnotations.INDEX_LOCATION, plan.location());
        annotations.put(TandemAnnotations.MODEL, TandemAnnotations.model(plan.modelName(), plan.modelVersion()));
        annotations.put(
                TandemAnnotations.RECINDEX_GENERATION,
                String.valueOf(index.getMetadata().getGeneration()));

        String out = plan.onClaim() ? OUT_MOUNT + "/" + plan.claimPath() : OUT_MOUNT + "/index";
        List<String> args = new ArrayList<>(List.of(
                "build-index",
                "--bundle",
                plan.bundleUri(),
                "--mlflow",
                plan.trackingUri(),
                "--out",
                out,
                "--cache-dir",
                CacheVolume.MOUNT_PATH,
                "--threads",
                String.valueOf(threads(build)),
                "--max-degree",
                String.valueOf(hnsw.getMaxDegree()),
                "--beam-width",
                String.valueOf(hnsw.getBeamWidth()),
                "--overquery",
                String.valueOf(hnsw.getOverquery()),
                "--mips",
                hnsw.getMips().cliValue(),
                "--probe-queries",
                String.valueOf(build.getProbeQueries())));
        if (!plan.onClaim()) {
            args.addAll(List.of("--upload", plan.upload()));
        }
        args.addAll(List.of("--summary", RecIndexNames.TERMINATION_LOG));

        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        volumes.add(
                plan.onClaim()
                        ? new VolumeBuilder()
                                .withName("indexes")
                                .withNewPersistentVolumeClaim(
                                        index.getSpec().getStorage().getClaimName(), false)
                                .build()
                        : new VolumeBuilder()
                                .withName("indexes")
                                .withNewEmptyDir()
                                .endEmptyDir()
                                .build());
        mounts.add(new VolumeMountBuilder()
                .withName("indexes")
                .withMountPath(OUT_MOUNT)
                .build());
        volumes.add(CacheVolume.volume());
        mounts.add(CacheVolume.mount());

        return new JobBuilder()
                .withNewMetadata()
                .withName(plan.jobName())
                .withNamespace(index.getMetadata().getNamespace())
                .withLabels(labels)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(BACKOFF_LIMIT)
                .withActiveDeadlineSeconds(Optional.ofNullable(build.getActiveDeadlineSeconds())
                        .map(Integer::longValue)
                        .orElse(DEFAULT_DEADLINE_SECONDS))
                .withNewPodFailurePolicy()
                .withRules(
                        new PodFailurePolicyRuleBuilder()
                                .withAction("FailJob")
                                .withNewOnExitCodes()
                                .withContainerName(RecIndexNames.CONTAINER)
                                .withOperator("In")
                                .withValues(BuildIndexExit.INVALID_INPUT)
                                .endOnExitCodes()
                                .build(),
                        // A pod evicted or preempted did not fail the build: it does not count against the retries.
                        new PodFailurePolicyRuleBuilder()
                                .withAction("Ignore")
                                .addNewOnPodCondition()
                                .withType("DisruptionTarget")
                                .withStatus("True")
                                .endOnPodCondition()
                                .build())
                .endPodFailurePolicy()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withNodeSelector(build.getNodeSelector())
                .withTolerations(build.getTolerations())
                .withContainers(new ContainerBuilder()
                        .withName(RecIndexNames.CONTAINER)
                        .withImage(image)
                        .withImagePullPolicy(pullPolicy)
                        .withArgs(args)
                        .withResources(build.getResources())
                        .withVolumeMounts(mounts)
                        .withTerminationMessagePath(RecIndexNames.TERMINATION_LOG)
                        // A build killed before it could write its summary still says something: its last output.
                        .withTerminationMessagePolicy("FallbackToLogsOnError")
                        .build())
                .withVolumes(volumes)
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /** {@code spec.build.threads}, else the CPU limit, else the CPU request (whole cores, at least 1), else 2. */
    static int threads(BuildSpec build) {
        if (build.getThreads() != null) {
            return build.getThreads();
        }
        ResourceRequirements resources = build.getResources();
        if (resources != null) {
            for (Map<String, Quantity> amounts : Arrays.asList(resources.getLimits(), resources.getRequests())) {
                Quantity cpu = amounts == null ? null : amounts.get("cpu");
                if (cpu != null) {
                    BigDecimal cores = cpu.getNumericalAmount().setScale(0, RoundingMode.CEILING);
                    return Math.max(1, cores.intValue());
                }
            }
        }
        return DEFAULT_THREADS;
    }
}
