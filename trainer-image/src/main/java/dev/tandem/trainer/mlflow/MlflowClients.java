/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.mlflow;

import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.mlflow.MlflowRestClient;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * The MLflow clients a command needs, sharing one HTTP client.
 *
 * @param rest REST API calls
 * @param artifacts the artifact proxy
 * @param tracking runs, artifacts and registry operations built on the two
 */
public record MlflowClients(MlflowRestClient rest, MlflowArtifactProxy artifacts, MlflowTracking tracking) {

    /** Clients for the tracking server at {@code trackingUri}. */
    public static MlflowClients connect(URI trackingUri) {
        HttpClient http = HttpClient.newHttpClient();
        MlflowRestClient rest = new MlflowRestClient(trackingUri, http);
        MlflowArtifactProxy artifacts = new MlflowArtifactProxy(trackingUri, http);
        return new MlflowClients(rest, artifacts, new MlflowTracking(rest, artifacts));
    }
}
