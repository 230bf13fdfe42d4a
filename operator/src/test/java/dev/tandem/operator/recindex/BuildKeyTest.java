/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.recindex.MipsKind;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.StorageType;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.bundle.BundleLayout;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BuildKeyTest {

    private static String key(RecIndex index, RecModel model) {
        return Fixtures.plan(index, model).buildKey();
    }

    private static String keyAfter(Consumer<RecIndex> change) {
        RecIndex index = Fixtures.index("movies-index");
        change.accept(index);
        return key(index, Fixtures.readyModel("3"));
    }

    @Test
    void isSixteenHexDigitsAndTheSameForTheSameInputs() {
        String first = key(Fixtures.index("movies-index"), Fixtures.readyModel("3"));
        String again = key(Fixtures.index("movies-index"), Fixtures.readyModel("3"));

        assertThat(first).matches("[0-9a-f]{16}").isEqualTo(again);
    }

    @Test
    void changesWithTheModelVersionAndItsEmbeddings() {
        RecIndex index = Fixtures.index("movies-index");
        String base = key(index, Fixtures.readyModel("3"));

        assertThat(key(index, Fixtures.readyModel("4"))).isNotEqualTo(base);
        RecModel retrained = Fixtures.readyModel("3");
        Map<String, String> checksums = new HashMap<>(retrained.getStatus().getChecksums());
        checksums.put(BundleLayout.ITEM_VECTORS, "d".repeat(64));
        retrained.getStatus().setChecksums(checksums);
        assertThat(key(index, retrained)).isNotEqualTo(base);
        RecModel unknown = Fixtures.readyModel("3");
        unknown.getStatus().setChecksums(null);
        assertThat(key(index, unknown))
                .as("no checksum reported is another key")
                .isNotEqualTo(base);
    }

    @Test
    void changesWithEachHnswParameterAndTheStorage() {
        String base = keyAfter(i -> {});

        assertThat(keyAfter(i -> i.getSpec().getHnsw().setMaxDegree(16))).isNotEqualTo(base);
        assertThat(keyAfter(i -> i.getSpec().getHnsw().setBeamWidth(100))).isNotEqualTo(base);
        assertThat(keyAfter(i -> i.getSpec().getHnsw().setOverquery(20))).isNotEqualTo(base);
        assertThat(keyAfter(i -> i.getSpec().getHnsw().setMips(MipsKind.EXTRA_DIMENSION)))
                .isNotEqualTo(base);
        String claimA = keyAfter(i -> {
            i.getSpec().getStorage().setType(StorageType.PERSISTENT_VOLUME_CLAIM);
            i.getSpec().getStorage().setClaimName("a");
        });
        String claimB = keyAfter(i -> {
            i.getSpec().getStorage().setType(StorageType.PERSISTENT_VOLUME_CLAIM);
            i.getSpec().getStorage().setClaimName("b");
        });
        assertThat(claimA).isNotEqualTo(base).isNotEqualTo(claimB);
    }

    @Test
    void staysWhenOnlyHowTheBuildRunsChanges() {
        String base = keyAfter(i -> {});

        assertThat(keyAfter(i -> {
                    var build = i.getSpec().getBuild();
                    build.setThreads(8);
                    build.setProbeQueries(200);
                    build.setActiveDeadlineSeconds(600);
                    build.setNodeSelector(Map.of("pool", "batch"));
                    build.setResources(new ResourceRequirementsBuilder()
                            .addToLimits("memory", new Quantity("8Gi"))
                            .build());
                }))
                .isEqualTo(base);
    }

    @Test
    void doesNotDependOnTheRecIndexName() {
        // The name is in the Job's name and the location instead, so two RecIndexes never share either.
        assertThat(key(Fixtures.index("a"), Fixtures.readyModel("3")))
                .isEqualTo(key(Fixtures.index("b"), Fixtures.readyModel("3")));
        assertThat(Fixtures.plan(Fixtures.index("a"), Fixtures.readyModel("3")).location())
                .isNotEqualTo(Fixtures.plan(Fixtures.index("b"), Fixtures.readyModel("3"))
                        .location());
    }
}
