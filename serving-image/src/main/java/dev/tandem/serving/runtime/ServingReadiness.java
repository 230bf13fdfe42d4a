/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.runtime;

import dev.tandem.serving.pair.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a version is loaded and warm, so Kubernetes sends traffic only to pods that can answer it.
 * Liveness is separate (the HTTP server answering), so a long index build never gets the pod restarted.
 */
@Readiness
@ApplicationScoped
public class ServingReadiness implements HealthCheck {

    @Inject
    ServedModel model;

    @Override
    public HealthCheckResponse call() {
        ServedModel.Routing routing = model.routing();
        return HealthCheckResponse.named("model-loaded")
                .status(model.hasAvailableVersion())
                .withData("model", model.name().orElse(""))
                .withData("serving_version", routing.serving())
                .withData("available_versions", routing.pairs().keySet().toString())
                .build();
    }
}
