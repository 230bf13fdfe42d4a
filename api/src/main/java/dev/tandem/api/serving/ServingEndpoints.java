/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.serving;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The serving runtime's ports and the paths the operator calls on serving pods (probes and analysis). The serving
 * runtime's resources are declared with the same constants.
 */
public final class ServingEndpoints {

    /** TF Serving's REST port. */
    public static final int HTTP_PORT = 8501;

    /** TF Serving's gRPC port. */
    public static final int GRPC_PORT = 8500;

    /** Live while the process runs. */
    public static final String LIVENESS_PATH = "/q/health/live";

    /** Ready once a pair is loaded and warm. */
    public static final String READINESS_PATH = "/q/health/ready";

    /** Prometheus metrics, on {@link #HTTP_PORT}. */
    public static final String METRICS_PATH = "/q/metrics";

    /** Tandem's own routes of one model (load, labels, probe recall), beside TF Serving's. */
    public static final String MODEL_ADMIN_PATH = "/tandem/v1/models/{name}";

    /** Under {@link #MODEL_ADMIN_PATH}: the served search of one version measured against exact search. */
    public static final String PROBE_RECALL_PATH = "versions/{version}/probe-recall";

    private ServingEndpoints() {}

    /** The probe-recall path of one version, relative to the server's root. */
    public static String probeRecall(String model, String version) {
        return (MODEL_ADMIN_PATH + "/" + PROBE_RECALL_PATH)
                .substring(1)
                .replace("{name}", pathSegment(model))
                .replace("{version}", pathSegment(version));
    }

    /** TF Serving's predict path of a model's default version, relative to the server's root. */
    public static String predict(String model) {
        return "v1/models/" + pathSegment(model) + ":predict";
    }

    private static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
