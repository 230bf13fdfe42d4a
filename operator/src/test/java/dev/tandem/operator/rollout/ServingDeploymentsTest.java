/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import static dev.tandem.operator.rollout.RolloutFixtures.pair;
import static dev.tandem.operator.rollout.RolloutFixtures.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.ServedPair;
import dev.tandem.api.image.TandemImage;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServingDeploymentsTest {

    private static final String IMAGE = TandemImage.SERVING.reference();

    @Test
    void cpuPairLoadsExactlyItsModelVersionAndIndex() {
        Rollout rollout = rollout(3, 1);
        ServedPair served = pair("7", "0123456789abcdef").toServed(Colour.GREEN, 3, "2026-12-02T10:00:00Z");

        Deployment deployment = ServingDeployments.desired(rollout, served, IMAGE, "IfNotPresent", false);

        assertThat(deployment.getMetadata().getName()).isEqualTo("movies-green");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("tandem.dev/rollout", "movies", "tandem.dev/colour", "green"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("tandem.dev/pair", "v7-01234567")
                .containsEntry("app.kubernetes.io/managed-by", "tandem-operator")
                .containsEntry("app.kubernetes.io/part-of", "tandem")
                .containsEntry("app.kubernetes.io/instance", "movies");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .doesNotContainKey("prometheus.io/scrape");
        Container server = container(deployment);
        assertThat(server.getImage()).isEqualTo(IMAGE);
        assertThat(env(server))
                .containsEntry("TANDEM_BUNDLE", "models:/movies-dnn/7")
                .containsEntry("TANDEM_INDEX", served.getIndexLocation())
                .containsEntry("TANDEM_MLFLOW_TRACKING_URI", "http://mlflow:5000")
                .containsEntry("TANDEM_WARMUP_QUERIES", "300");
        assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(server.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(8501, 8500);
        assertThat(server.getResources().getRequests()).isEmpty();
        assertThat(server.getResources().getLimits()).isEmpty();
        assertThat(deployment.getSpec().getTemplate().getSpec().getNodeSelector())
                .isNullOrEmpty();
    }

    @Test
    void gpuPairRequestsItsGpusAndCarriesPlacement() {
        Rollout rollout = rollout(2, 1);
        rollout.getSpec().getResources().setGpus(2);
        rollout.getSpec().getResources().setGpuResourceName("nvidia.com/mig-1g.10gb");
        rollout.getSpec().getResources().setMemory(new Quantity("6Gi"));
        rollout.getSpec().getResources().setCpu(new Quantity("2"));
        rollout.getSpec().setNodeSelector(Map.of("tandem.dev/gpu-pool", "a100"));
        rollout.getSpec()
                .setTolerations(List.of(new TolerationBuilder()
                        .withKey("nvidia.com/gpu")
                        .withOperator("Exists")
                        .withEffect("NoSchedule")
                        .build()));
        rollout.getSpec().getServing().setJavaOptions("-Xmx4g");
        rollout.getSpec().getServing().setProperties(Map.of("rerank.popularity-weight", "0.2"));

        Deployment deployment = ServingDeployments.desired(
                rollout, pair("1", "aaaaaaaa").toServed(Colour.BLUE, 2, "now"), IMAGE, "Always", true);

        Container server = container(deployment);
        assertThat(server.getResources().getRequests())
                .containsEntry("nvidia.com/mig-1g.10gb", new Quantity("2"))
                .containsEntry("memory", new Quantity("6Gi"))
                .containsEntry("cpu", new Quantity("2"));
        assertThat(server.getResources().getLimits())
                .containsEntry("nvidia.com/mig-1g.10gb", new Quantity("2"))
                .containsEntry("memory", new Quantity("6Gi"))
                .doesNotContainKey("cpu");
        assertThat(deployment.getSpec().getTemplate().getSpec().getNodeSelector())
                .containsEntry("tandem.dev/gpu-pool", "a100");
        assertThat(deployment.getSpec().getTemplate().getSpec().getTolerations())
                .singleElement()
                .satisfies(t -> assertThat(t.getKey()).isEqualTo("nvidia.com/gpu"));
        assertThat(env(server))
                .containsEntry("JAVA_OPTS", "-Xmx4g")
                .containsEntry("TANDEM_RERANK_POPULARITY_WEIGHT", "0.2");
        assertThat(server.getImagePullPolicy()).isEqualTo("Always");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "8501")
                .containsEntry("prometheus.io/path", "/q/metrics");
        assertThat(deployment.getMetadata().getAnnotations()).doesNotContainKey("prometheus.io/scrape");
    }

    @Test
    void previewSlotHasPreviewReplicas() {
        Rollout rollout = rollout(4, 2);
        ServedPair preview = pair("2", "bbbbbbbb").toServed(Colour.GREEN, 2, "now");

        assertThat(ServingDeployments.desired(rollout, preview, IMAGE, "IfNotPresent", false)
                        .getSpec()
                        .getReplicas())
                .isEqualTo(2);
    }

    @Test
    void indexOnAClaimIsMountedReadOnly() {
        Rollout rollout = rollout(1, 1);
        TargetPair onClaim = new TargetPair(
                "v1-aaaaaaaa",
                "movies",
                "http://mlflow:5000",
                "movies-dnn",
                "1",
                "movies-index",
                "aaaaaaaa",
                "pvc://indexes/recs/movies-index/aaaaaaaa");

        Deployment deployment = ServingDeployments.desired(
                rollout, onClaim.toServed(Colour.BLUE, 1, "now"), IMAGE, "IfNotPresent", false);

        var volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("index"))
                .findFirst()
                .orElseThrow();
        assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo("indexes");
        assertThat(volume.getPersistentVolumeClaim().getReadOnly()).isTrue();
        assertThat(env(container(deployment)))
                .containsEntry("TANDEM_INDEX", "/var/lib/tandem/index/recs/movies-index/aaaaaaaa");
        assertThat(container(deployment).getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("index");
            assertThat(m.getReadOnly()).isTrue();
        });
    }

    @Test
    void servicesSelectASlotNotAPair() {
        Rollout rollout = rollout(1, 1);

        Service active = ServingServices.active(rollout, Colour.GREEN);
        Service preview = ServingServices.preview(rollout, Colour.BLUE);

        assertThat(active.getMetadata().getName()).isEqualTo("movies-api");
        assertThat(active.getSpec().getSelector())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("tandem.dev/rollout", "movies", "tandem.dev/colour", "green"));
        assertThat(preview.getMetadata().getName()).isEqualTo("movies-api-preview");
        assertThat(preview.getSpec().getSelector()).containsEntry("tandem.dev/colour", "blue");
        assertThat(active.getSpec().getPorts()).extracting(p -> p.getName()).containsExactly("http", "grpc");
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
