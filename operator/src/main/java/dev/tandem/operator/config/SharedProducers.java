/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.config;

import dev.tandem.operator.workload.ServingImages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The clock, HTTP client and serving images the operator's components share (injected, so tests can pass their own).
 */
@ApplicationScoped
public class SharedProducers {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    HttpClient httpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    // A record cannot be proxied, so it is a singleton rather than application-scoped.
    @Produces
    @Singleton
    ServingImages servingImages(OperatorConfig config) {
        return ServingImages.of(config);
    }
}
