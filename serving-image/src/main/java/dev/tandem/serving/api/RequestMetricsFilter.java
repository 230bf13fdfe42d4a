/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import dev.tandem.serving.metrics.ServingMetrics;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts every answered API request by route and final status code, errors included (the status is known
 * only after exception mappers have run, which is why this is a response filter).
 */
@Provider
public class RequestMetricsFilter implements ContainerResponseFilter {

    private static final String ROUTE = "tandem.route";

    @Inject
    ServingMetrics metrics;

    /** Names the route of the request being handled. */
    static void route(ContainerRequestContext request, String route) {
        request.setProperty(ROUTE, route);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object route = request.getProperty(ROUTE);
        if (route == null && !request.getUriInfo().getPath().startsWith("/v1/")) {
            return;
        }
        metrics.request(route == null ? "other" : route.toString(), response.getStatus());
    }
}
