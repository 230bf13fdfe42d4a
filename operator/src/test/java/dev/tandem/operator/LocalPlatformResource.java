/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator;

import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformExtension;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test application at the local platform's API server. fabric8 reads the
 * {@code kubeconfig} system property, which Quarkus passes to the application it starts.
 */
public class LocalPlatformResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalPlatform platform = LocalPlatformExtension.platform();
        return Map.of("kubeconfig", platform.kubeconfig().toString());
    }

    @Override
    public void stop() {
        // The platform outlives the test run; dev/platform down stops it.
    }
}
