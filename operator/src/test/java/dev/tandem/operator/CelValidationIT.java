/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API server itself enforces CEL rules of a CRD and answers with the rule's message. */
@LocalPlatformTest
class CelValidationIT {

    private static final ResourceDefinitionContext CEL_PROBES = new ResourceDefinitionContext.Builder()
            .withGroup("test.tandem.dev")
            .withVersion("v1alpha1")
            .withPlural("celprobes")
            .withKind("CelProbe")
            .withNamespaced(true)
            .build();

    @BeforeEach
    void applyCrd(KubernetesClient client) throws Exception {
        try (InputStream yaml = getClass().getResourceAsStream("/crds/celprobes.yaml")) {
            CustomResourceDefinition crd = client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .load(yaml)
                    .item();
            client.resource(crd).serverSideApply();
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .waitUntilCondition(CelValidationIT::established, 30, TimeUnit.SECONDS);
        }
    }

    @Test
    void objectBreakingARuleIsRejectedWithTheRuleMessage(KubernetesClient client, TestNamespace ns) {
        GenericKubernetesResource both = probe(ns, "both", Map.of("version", "3", "alias", "champion"));

        assertThatThrownBy(() -> client.genericKubernetesResources(CEL_PROBES)
                        .inNamespace(ns.name())
                        .resource(both)
                        .create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getMessage()).contains("set exactly one of spec.version or spec.alias");
                });
        assertThat(client.genericKubernetesResources(CEL_PROBES)
                        .inNamespace(ns.name())
                        .withName("both")
                        .get())
                .isNull();
    }

    @Test
    void secondRuleComparesTwoFields(KubernetesClient client, TestNamespace ns) {
        GenericKubernetesResource tooManyPreviews =
                probe(ns, "previews", Map.of("alias", "champion", "replicas", 2, "previewReplicas", 3));

        assertThatThrownBy(() -> client.genericKubernetesResources(CEL_PROBES)
                        .inNamespace(ns.name())
                        .resource(tooManyPreviews)
                        .create())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getStatus().getMessage())
                                .contains("spec.previewReplicas must not exceed spec.replicas"));
    }

    @Test
    void validObjectIsAccepted(KubernetesClient client, TestNamespace ns) {
        client.genericKubernetesResources(CEL_PROBES)
                .inNamespace(ns.name())
                .resource(probe(ns, "valid", Map.of("version", "3", "replicas", 2, "previewReplicas", 1)))
                .create();

        GenericKubernetesResource stored = client.genericKubernetesResources(CEL_PROBES)
                .inNamespace(ns.name())
                .withName("valid")
                .get();
        assertThat(stored.<String>get("spec", "version")).isEqualTo("3");
    }

    private static GenericKubernetesResource probe(TestNamespace ns, String name, Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("test.tandem.dev/v1alpha1")
                .withKind("CelProbe")
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns.name())
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", spec))
                .build();
    }

    private static boolean established(CustomResourceDefinition crd) {
        return crd != null
                && crd.getStatus() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> c.getType().equals("Established")
                                && c.getStatus().equals("True"));
    }
}
