/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator;

import dev.tandem.operator.it.TandemCrds;
import dev.tandem.operator.recindex.RecIndexReconciler;
import dev.tandem.operator.recmodel.RecModelReconciler;
import dev.tandem.operator.rollout.RolloutReconciler;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformExtension;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Points a Quarkus test application at the local platform's API server, with Tandem's CRDs installed. fabric8 reads
 * the {@code kubeconfig} system property, which Quarkus passes to the application it starts.
 *
 * <p>The operator under test reconciles only resources labelled {@link #INSTANCE_LABEL} with this test run's value, so
 * operators of several test runs (or worktrees) sharing one API server never act on each other's resources.
 */
public class LocalPlatformResource implements QuarkusTestResourceLifecycleManager {

    /** The label that assigns a resource to one operator instance. */
    public static final String INSTANCE_LABEL = "tandem.dev/operator-instance";

    private static final String INSTANCE = "it-" + UUID.randomUUID().toString().substring(0, 8);

    /** This test JVM's value of {@link #INSTANCE_LABEL}: resources the tests create carry it. */
    public static String instance() {
        return INSTANCE;
    }

    @Override
    public Map<String, String> start() {
        LocalPlatform platform = LocalPlatformExtension.platform();
        try (KubernetesClient client = platform.newKubernetesClient()) {
            TandemCrds.install(client);
        }
        Map<String, String> config = new HashMap<>(scopedTo(INSTANCE));
        config.put("kubeconfig", platform.kubeconfig().toString());
        return config;
    }

    /** The settings that restrict every controller to resources labelled {@link #INSTANCE_LABEL}={@code instance}. */
    public static Map<String, String> scopedTo(String instance) {
        Map<String, String> settings = new HashMap<>();
        // Unquoted keys: given as controllers."recindex".selector, the packaged operator ignored the recindex selector
        // (rollout's was honoured) and reconciled every test run's RecIndexes. The names have no dots to quote.
        for (String controller : List.of(RecModelReconciler.NAME, RecIndexReconciler.NAME, RolloutReconciler.NAME)) {
            settings.put(
                    "quarkus.operator-sdk.controllers." + controller + ".selector", INSTANCE_LABEL + "=" + instance);
        }
        return settings;
    }

    @Override
    public void stop() {
        // The platform outlives the test run; dev/platform down stops it.
    }
}
