/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.runtime;

import dev.tandem.serving.config.ServingConfig;
import dev.tandem.serving.tower.TensorFlowDevices;
import dev.tandem.serving.tower.TowerSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Logs once at start which TensorFlow build the server loaded and the devices its towers are placed on, so a pod's
 * log shows whether the GPU image found its GPU. It runs in the background: loading TensorFlow takes seconds and
 * liveness must not wait for it.
 */
@ApplicationScoped
class TensorFlowStartupLog {

    private static final Logger LOG = Logger.getLogger(TensorFlowStartupLog.class);

    void log(@Observes StartupEvent event, ServingConfig config) {
        // Runs beside the initial load: it asks for the towers' thread pools, as either may be TensorFlow's first
        // session, which sizes them for the process.
        TowerSettings tower = ServingRuntime.towerSettings(config);
        Thread.ofPlatform().name("tensorflow-devices").daemon().start(() -> {
            try {
                TensorFlowDevices tensorFlow = TensorFlowDevices.ofThisProcess(tower);
                if (tensorFlow.isGpuBuild() && !tensorFlow.hasGpu()) {
                    LOG.warnf(
                            "%s: the GPU build found no GPU (no CUDA driver, or CUDA 12 libraries missing),"
                                    + " so towers run on the CPU",
                            tensorFlow.summary());
                } else {
                    LOG.info(tensorFlow.summary());
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.errorf(e, "cannot load TensorFlow");
            }
        });
    }
}
