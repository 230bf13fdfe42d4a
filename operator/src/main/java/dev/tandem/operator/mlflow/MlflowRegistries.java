/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.mlflow;

import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.mlflow.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;

/** MLflow clients for the tracking URI a resource names; each resource may name its own server. */
@ApplicationScoped
public class MlflowRegistries {

    private final HttpClient http;

    public MlflowRegistries(HttpClient http) {
        this.http = http;
    }

    /** The REST API of the tracking server. */
    public MlflowRestClient rest(String trackingUri) {
        return new MlflowRestClient(URI.create(trackingUri), http);
    }

    /** The model registry of the tracking server. */
    public ModelRegistry registry(String trackingUri) {
        return new ModelRegistry(rest(trackingUri));
    }

    /** The artifact proxy of the tracking server. */
    public MlflowArtifactProxy artifacts(String trackingUri) {
        return new MlflowArtifactProxy(URI.create(trackingUri), http);
    }
}
