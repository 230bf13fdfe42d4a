/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.ServedPair;
import dev.tandem.api.crd.v1alpha1.rollout.ServingResources;
import dev.tandem.api.crd.v1alpha1.rollout.ServingSettings;
import dev.tandem.api.mlflow.ModelUri;
import dev.tandem.api.naming.RecIndexNames;
import dev.tandem.api.naming.RolloutNames;
import dev.tandem.api.naming.TandemAnnotations;
import dev.tandem.api.serving.ServingEndpoints;
import dev.tandem.api.serving.ServingProperties;
import dev.tandem.operator.workload.CacheVolume;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Deployment of one pair in one slot: serving pods that load exactly that model version and index build, request
 * the GPUs asked for, carry the node selector and tolerations, and are ready only once the pair is loaded and warm.
 */
public final class ServingDeployments {

    /** Where a PersistentVolumeClaim holding indexes is mounted. */
    static final String INDEX_MOUNT = "/var/lib/tandem/index";

    private ServingDeployments() {}

    /**
     * The {@code prometheus.io/*} annotations Prometheus servers that discover pods by annotation scrape a serving pod
     * by.
     */
    static final Map<String, String> SCRAPE_ANNOTATIONS = Map.of(
            "prometheus.io/scrape",
            "true",
            "prometheus.io/port",
            Integer.toString(ServingEndpoints.HTTP_PORT),
            "prometheus.io/path",
            ServingEndpoints.METRICS_PATH);

    /**
     * @param image the serving image
     * @param pullPolicy its pull policy
     * @param scrapeAnnotations whether the pods carry {@link #SCRAPE_ANNOTATIONS}
     */
    public static Deployment desired(
            Rollout rollout, ServedPair pair, String image, String pullPolicy, boolean scrapeAnnotations) {
        Map<String, String> podLabels = RolloutNames.podLabels(rollout, pair.getColour(), pair.getPair());
        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        volumes.add(CacheVolume.volume());
        mounts.add(CacheVolume.mount());
        String index = pair.getIndexLocation();
        if (index.startsWith(RecIndexNames.PVC_SCHEME)) {
            String rest = index.substring(RecIndexNames.PVC_SCHEME.length());
            int slash = rest.indexOf('/');
            String claim = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash + 1);
            volumes.add(new VolumeBuilder()
                    .withName("index")
                    .withNewPersistentVolumeClaim(claim, true)
                    .build());
            mounts.add(new VolumeMountBuilder()
                    .withName("index")
                    .withMountPath(INDEX_MOUNT)
                    .withReadOnly(true)
                    .build());
            index = path.isEmpty() ? INDEX_MOUNT : INDEX_MOUNT + "/" + path;
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(TandemAnnotations.MODEL, TandemAnnotations.model(pair.getModelName(), pair.getModelVersion()));
        annotations.put(TandemAnnotations.INDEX_LOCATION, pair.getIndexLocation());
        Map<String, String> podAnnotations = new TreeMap<>(annotations);
        if (scrapeAnnotations) {
            podAnnotations.putAll(SCRAPE_ANNOTATIONS);
        }
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(RolloutNames.deployment(rollout, pair.getColour()))
                .withNamespace(rollout.getMetadata().getNamespace())
                .withLabels(podLabels)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withReplicas(pair.getReplicas())
                .withNewSelector()
                .withMatchLabels(RolloutNames.slotSelector(rollout, pair.getColour()))
                .endSelector()
                .withNewStrategy()
                .withType("RollingUpdate")
                .endStrategy()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(podLabels)
                .withAnnotations(podAnnotations)
                .endMetadata()
                .withNewSpec()
                .withContainers(container(rollout, pair, image, pullPolicy, index, mounts))
                .withVolumes(volumes)
                .withNodeSelector(rollout.getSpec().getNodeSelector())
                .withTolerations(rollout.getSpec().getTolerations())
                .withTerminationGracePeriodSeconds(30L)
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static Container container(
            Rollout rollout, ServedPair pair, String image, String pullPolicy, String index, List<VolumeMount> mounts) {
        ServingSettings serving = rollout.getSpec().getServing();
        List<EnvVar> env = new ArrayList<>();
        env.add(setting(
                ServingProperties.BUNDLE,
                ModelUri.of(pair.getModelName(), pair.getModelVersion()).toString()));
        env.add(setting(ServingProperties.INDEX, index));
        env.add(setting(ServingProperties.MLFLOW_TRACKING_URI, pair.getTrackingUri()));
        env.add(setting(ServingProperties.CACHE_DIR, CacheVolume.MOUNT_PATH));
        env.add(setting(ServingProperties.WARMUP_QUERIES, Integer.toString(serving.getWarmupQueries())));
        if (serving.getProperties() != null) {
            new TreeMap<>(serving.getProperties()).forEach((key, value) -> env.add(setting(key, value)));
        }
        if (serving.getJavaOptions() != null && !serving.getJavaOptions().isBlank()) {
            env.add(new EnvVar("JAVA_OPTS", serving.getJavaOptions(), null));
        }
        return new ContainerBuilder()
                .withName(RolloutNames.CONTAINER)
                .withImage(image)
                .withImagePullPolicy(pullPolicy)
                .withEnv(env)
                .addNewPort()
                .withName("http")
                .withContainerPort(ServingEndpoints.HTTP_PORT)
                .endPort()
                .addNewPort()
                .withName("grpc")
                .withContainerPort(ServingEndpoints.GRPC_PORT)
                .endPort()
                .withResources(resources(rollout.getSpec().getResources()))
                // Downloading a large pair and building or mapping its index can take minutes: the startup probe
                // gives it ten before liveness may restart the pod.
                .withNewStartupProbe()
                .withNewHttpGet()
                .withPath(ServingEndpoints.LIVENESS_PATH)
                .withPort(new IntOrString("http"))
                .endHttpGet()
                .withPeriodSeconds(5)
                .withFailureThreshold(120)
                .endStartupProbe()
                .withNewLivenessProbe()
                .withNewHttpGet()
                .withPath(ServingEndpoints.LIVENESS_PATH)
                .withPort(new IntOrString("http"))
                .endHttpGet()
                .withPeriodSeconds(10)
                .withTimeoutSeconds(3)
                .withFailureThreshold(6)
                .endLivenessProbe()
                // Ready means loaded and warm: the serving runtime reports ready only then.
                .withNewReadinessProbe()
                .withNewHttpGet()
                .withPath(ServingEndpoints.READINESS_PATH)
                .withPort(new IntOrString("http"))
                .endHttpGet()
                .withPeriodSeconds(2)
                .withTimeoutSeconds(2)
                .endReadinessProbe()
                .withVolumeMounts(mounts)
                .build();
    }

    private static ResourceRequirements resources(ServingResources resources) {
        Map<String, Quantity> requests = new LinkedHashMap<>();
        Map<String, Quantity> limits = new LinkedHashMap<>();
        if (resources.getCpu() != null) {
            requests.put("cpu", resources.getCpu());
        }
        if (resources.getCpuLimit() != null) {
            limits.put("cpu", resources.getCpuLimit());
        }
        if (resources.getMemory() != null) {
            requests.put("memory", resources.getMemory());
            limits.put("memory", resources.getMemory());
        }
        if (resources.getGpus() > 0) {
            Quantity gpus = new Quantity(Integer.toString(resources.getGpus()));
            requests.put(resources.getGpuResourceName(), gpus);
            limits.put(resources.getGpuResourceName(), gpus);
        }
        return new ResourceRequirementsBuilder()
                .withRequests(requests)
                .withLimits(limits)
                .build();
    }

    /** A serving setting as the environment variable the serving runtime reads it from. */
    private static EnvVar setting(String property, String value) {
        return new EnvVar(ServingProperties.env(property), value, null);
    }
}
