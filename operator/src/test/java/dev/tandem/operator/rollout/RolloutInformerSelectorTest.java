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
import dev.tandem.api.naming.TandemLabels;
import dev.tandem.operator.rollout.dependent.ActiveService;
import dev.tandem.operator.rollout.dependent.BlueDeployment;
import dev.tandem.operator.rollout.dependent.GreenDeployment;
import dev.tandem.operator.rollout.dependent.PreviewService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Rollout's Deployment and Service dependents watch only objects labelled as Tandem's, and every object they make
 * carries those labels: an object outside its informer's selector would be invisible to the operator that made it.
 */
class RolloutInformerSelectorTest {

    private static final String IMAGE = "tandem-serving:1";
    private static final String NOW = "2026-12-02T10:00:00Z";

    @Test
    void eachDependentsInformerSelectsTheObjectsItMakes() {
        Rollout rollout = rollout(2, 1);
        Map<Class<?>, HasMetadata> made = Map.of(
                BlueDeployment.class,
                ServingDeployments.desired(
                        rollout,
                        pair("3", "0a1b2c3d4e5f6789").toServed(Colour.BLUE, 2, NOW),
                        IMAGE,
                        "IfNotPresent",
                        false),
                GreenDeployment.class,
                ServingDeployments.desired(
                        rollout,
                        pair("4", "99aa88bb77cc66dd").toServed(Colour.GREEN, 1, NOW),
                        IMAGE,
                        "IfNotPresent",
                        false),
                ActiveService.class,
                ServingServices.active(rollout, Colour.BLUE),
                PreviewService.class,
                ServingServices.preview(rollout, Colour.GREEN));

        made.forEach((dependent, object) -> {
            KubernetesDependent config = dependent.getAnnotation(KubernetesDependent.class);
            assertThat(config)
                    .as("%s declares its informer", dependent.getSimpleName())
                    .isNotNull();
            String selector = config.informer().labelSelector();
            assertThat(selector)
                    .as("%s watches only Tandem's objects", dependent.getSimpleName())
                    .isEqualTo(TandemLabels.ROLLOUT_SELECTOR);
            assertThat(selects(selector, object.getMetadata().getLabels()))
                    .as(
                            "%s selects its %s %s",
                            dependent.getSimpleName(),
                            object.getKind(),
                            object.getMetadata().getName())
                    .isTrue();
        });
    }

    @Test
    void objectsNotMarkedAsTandemsAreNotSelected() {
        assertThat(selects(TandemLabels.ROLLOUT_SELECTOR, Map.of("app", "bystander")))
                .isFalse();
        assertThat(selects(TandemLabels.ROLLOUT_SELECTOR, Map.of(TandemLabels.ROLLOUT, "movies")))
                .as("named after a Rollout, made by someone else")
                .isFalse();
        assertThat(selects(
                        TandemLabels.ROLLOUT_SELECTOR,
                        Map.of(TandemLabels.MANAGED_BY, TandemLabels.MANAGED_BY_VALUE, TandemLabels.REC_INDEX, "i")))
                .as("Tandem's, but not a Rollout's")
                .isFalse();
    }

    /** Whether a label selector of equality ({@code k=v}) and existence ({@code k}) terms selects the labels. */
    private static boolean selects(String selector, Map<String, String> labels) {
        for (String term : selector.split(",")) {
            int eq = term.indexOf('=');
            if (term.contains("!") || term.contains(" ")) {
                throw new IllegalArgumentException("unsupported selector term: " + term);
            }
            boolean met = eq < 0
                    ? labels.containsKey(term)
                    : term.substring(eq + 1).equals(labels.get(term.substring(0, eq)));
            if (!met) {
                return false;
            }
        }
        return true;
    }
}
