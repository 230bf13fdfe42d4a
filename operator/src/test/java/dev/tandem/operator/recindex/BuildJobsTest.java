/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.recindex.MipsKind;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.StorageType;
import dev.tandem.api.image.TandemImage;
import dev.tandem.api.naming.TandemAnnotations;
import dev.tandem.api.naming.TandemLabels;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildJobsTest {

    private static final String IMAGE = TandemImage.SERVING.reference();

    private static Job desired(RecIndex index) {
        return BuildJobs.desired(index, Fixtures.plan(index, Fixtures.readyModel("3")), IMAGE, "IfNotPresent");
    }

    private static Container container(Job job) {
        return job.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    /** The value after an option in the container's arguments, or null when the option is absent. */
    private static String option(Job job, String name) {
        List<String> args = container(job).getArgs();
        int at = args.indexOf(name);
        return at < 0 ? null : args.get(at + 1);
    }

    @Test
    void runsBuildIndexOnTheResolvedVersionWithTheSpecsParameters() {
        RecIndex index = Fixtures.index("movies-index");
        index.getSpec().getHnsw().setMaxDegree(48);
        index.getSpec().getHnsw().setBeamWidth(300);
        index.getSpec().getHnsw().setOverquery(12);
        index.getSpec().getHnsw().setMips(MipsKind.EXTRA_DIMENSION);
        index.getSpec().getBuild().setProbeQueries(500);

        Job job = desired(index);

        Container c = container(job);
        assertThat(c.getName()).isEqualTo("build-index");
        assertThat(c.getImage()).isEqualTo(IMAGE);
        assertThat(c.getArgs().getFirst()).isEqualTo("build-index");
        assertThat(option(job, "--bundle")).isEqualTo("models:/youtube-dnn/3");
        assertThat(option(job, "--mlflow")).isEqualTo(Fixtures.TRACKING);
        assertThat(option(job, "--max-degree")).isEqualTo("48");
        assertThat(option(job, "--beam-width")).isEqualTo("300");
        assertThat(option(job, "--overquery")).isEqualTo("12");
        assertThat(option(job, "--mips")).isEqualTo("extra-dimension");
        assertThat(option(job, "--probe-queries")).isEqualTo("500");
        assertThat(option(job, "--summary")).isEqualTo("/dev/termination-log");
        assertThat(c.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
        assertThat(c.getTerminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");
    }

    @Test
    void isNamedAndLabelledByTheRecIndexAndBuildKey() {
        RecIndex index = Fixtures.index("movies-index");
        BuildPlan plan = Fixtures.plan(index, Fixtures.readyModel("3"));

        Job job = desired(index);

        assertThat(job.getMetadata().getName())
                .isEqualTo("movies-index-" + plan.buildKey().substring(0, 8));
        assertThat(job.getMetadata().getNamespace()).isEqualTo(Fixtures.NAMESPACE);
        assertThat(job.getMetadata().getLabels())
                .containsEntry(TandemLabels.REC_INDEX, "movies-index")
                .containsEntry(TandemLabels.MODEL_VERSION, "3")
                .containsEntry(TandemLabels.MANAGED_BY, "tandem-operator")
                .containsEntry(TandemLabels.PART_OF, "tandem");
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(job.getMetadata().getLabels());
        assertThat(job.getMetadata().getAnnotations())
                .containsEntry(TandemAnnotations.BUILD_KEY, plan.buildKey())
                .containsEntry(TandemAnnotations.INDEX_LOCATION, plan.location())
                .containsEntry(TandemAnnotations.RECINDEX_GENERATION, "1");
    }

    @Test
    void mlflowStorageWritesToAnEmptyDirAndUploadsBesideTheBundle() {
        RecIndex index = Fixtures.index("movies-index");
        BuildPlan plan = Fixtures.plan(index, Fixtures.readyModel("3"));

        Job job = desired(index);

        assertThat(option(job, "--upload"))
                .isEqualTo("mlflow-artifacts:/1/0a1b2c/artifacts/tandem-indexes/recs/movies-index-" + plan.buildKey());
        assertThat(plan.location()).isEqualTo(option(job, "--upload"));
        assertThat(option(job, "--out")).startsWith("/var/lib/tandem/indexes/");
        var volumes = job.getSpec().getTemplate().getSpec().getVolumes();
        assertThat(volumes).allSatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
        assertThat(volumes)
                .noneSatisfy(v -> assertThat(v.getPersistentVolumeClaim()).isNotNull());
    }

    @Test
    void claimStorageMountsTheClaimAndWritesUnderNamespaceNameAndKey() {
        RecIndex index = Fixtures.index("movies-index");
        index.getSpec().getStorage().setType(StorageType.PERSISTENT_VOLUME_CLAIM);
        index.getSpec().getStorage().setClaimName("indexes");
        BuildPlan plan = Fixtures.plan(index, Fixtures.readyModel("3"));

        Job job = desired(index);

        assertThat(option(job, "--upload")).isNull();
        assertThat(option(job, "--out")).isEqualTo("/var/lib/tandem/indexes/recs/movies-index/" + plan.buildKey());
        assertThat(plan.location()).isEqualTo("pvc://indexes/recs/movies-index/" + plan.buildKey());
        var claim = job.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getPersistentVolumeClaim() != null)
                .findFirst()
                .orElseThrow();
        assertThat(claim.getPersistentVolumeClaim().getClaimName()).isEqualTo("indexes");
        assertThat(claim.getPersistentVolumeClaim().getReadOnly()).isFalse();
        assertThat(container(job).getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo(claim.getName());
            assertThat(m.getMountPath()).isEqualTo("/var/lib/tandem/indexes");
        });
    }

    @Test
    void resourcesAndPlacementComeFromSpecBuild() {
        RecIndex index = Fixtures.index("movies-index");
        var build = index.getSpec().getBuild();
        build.setResources(new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("2"))
                .addToRequests("memory", new Quantity("4Gi"))
                .addToLimits("memory", new Quantity("6Gi"))
                .build());
        build.setNodeSelector(Map.of("pool", "batch"));
        build.setTolerations(List.of(new TolerationBuilder()
                .withKey("batch")
                .withOperator("Exists")
                .withEffect("NoSchedule")
                .build()));
        build.setActiveDeadlineSeconds(900);

        Job job = desired(index);

        var pod = job.getSpec().getTemplate().getSpec();
        assertThat(container(job).getResources()).isEqualTo(build.getResources());
        assertThat(pod.getNodeSelector()).containsExactly(Map.entry("pool", "batch"));
        assertThat(pod.getTolerations())
                .singleElement()
                .satisfies(t -> assertThat(t.getKey()).isEqualTo("batch"));
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(900L);
        assertThat(option(job, "--threads")).isEqualTo("2");
    }

    @Test
    void deadlineDefaultsToAnHour() {
        assertThat(desired(Fixtures.index("i")).getSpec().getActiveDeadlineSeconds())
                .isEqualTo(3600L);
    }

    @Test
    void threadsComeFromTheSpecThenTheCpuLimitThenTheRequestElseTwo() {
        RecIndex index = Fixtures.index("i");
        var build = index.getSpec().getBuild();
        assertThat(option(desired(index), "--threads")).isEqualTo("2");

        build.setResources(new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("500m"))
                .build());
        assertThat(option(desired(index), "--threads"))
                .as("half a core rounds up")
                .isEqualTo("1");

        build.getResources().setLimits(Map.of("cpu", new Quantity("3500m")));
        assertThat(option(desired(index), "--threads"))
                .as("the limit wins over the request")
                .isEqualTo("4");

        build.setThreads(6);
        assertThat(option(desired(index), "--threads")).isEqualTo("6");
    }

    @Test
    void invalidInputFailsTheJobAtOnceWhileOtherFailuresAreRetried() {
        Job job = desired(Fixtures.index("i"));

        assertThat(job.getSpec().getBackoffLimit()).isEqualTo(2);
        List<PodFailurePolicyRule> rules = job.getSpec().getPodFailurePolicy().getRules();
        assertThat(rules.getFirst().getAction()).isEqualTo("FailJob");
        assertThat(rules.getFirst().getOnExitCodes().getContainerName()).isEqualTo("build-index");
        assertThat(rules.getFirst().getOnExitCodes().getOperator()).isEqualTo("In");
        assertThat(rules.getFirst().getOnExitCodes().getValues()).containsExactly(2);
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.getAction()).isEqualTo("Ignore");
            assertThat(r.getOnPodConditions())
                    .singleElement()
                    .satisfies(c -> assertThat(c.getType()).isEqualTo("DisruptionTarget"));
        });
    }

    @Test
    void aLongRecIndexNameGivesAJobNameThatFitsALabelValue() {
        String longName = "a".repeat(100);
        RecIndex index = Fixtures.index(longName);
        RecIndex sibling = Fixtures.index("a".repeat(99) + "b");

        Job job = desired(index);

        assertThat(job.getMetadata().getName()).hasSizeLessThanOrEqualTo(63);
        assertThat(job.getMetadata().getLabels().get(TandemLabels.REC_INDEX)).hasSizeLessThanOrEqualTo(63);
        assertThat(job.getMetadata().getName())
                .isNotEqualTo(desired(sibling).getMetadata().getName());
    }
}
