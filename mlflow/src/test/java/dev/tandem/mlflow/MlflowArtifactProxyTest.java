/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class MlflowArtifactProxyTest {

    private final MlflowArtifactProxy proxy =
            new MlflowArtifactProxy(URI.create("http://mlflow.internal:5000"), HttpClient.newHttpClient());

    @Test
    void runArtifactUriResolvesAgainstTheTrackingServer() {
        assertThat(proxy.proxyUrl("mlflow-artifacts:/3/0a1b/artifacts/bundle/manifest.json"))
                .hasToString(
                        "http://mlflow.internal:5000/api/2.0/mlflow-artifacts/artifacts/3/0a1b/artifacts/bundle/manifest.json");
    }

    @Test
    void uriWithItsOwnServerKeepsIt() {
        assertThat(proxy.proxyUrl("mlflow-artifacts://other:8080/3/r/artifacts/x"))
                .hasToString("http://other:8080/api/2.0/mlflow-artifacts/artifacts/3/r/artifacts/x");
    }

    @Test
    void segmentsAreEncodedOneByOne() {
        assertThat(proxy.proxyUrl("mlflow-artifacts:/3/r/artifacts/my%20file%23.bin"))
                .hasToString(
                        "http://mlflow.internal:5000/api/2.0/mlflow-artifacts/artifacts/3/r/artifacts/my%20file%23.bin");
    }

    @Test
    void trackingUriWithAPathPrefixIsKept() {
        MlflowArtifactProxy behindIngress =
                new MlflowArtifactProxy(URI.create("https://ml.example.com/mlflow"), HttpClient.newHttpClient());
        assertThat(behindIngress.proxyUrl("mlflow-artifacts:/1/r/artifacts/a"))
                .hasToString("https://ml.example.com/mlflow/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/a");
    }

    @Test
    void otherSchemesAreRefusedWithAHint() {
        assertThatThrownBy(() -> proxy.proxyUrl("s3://bucket/1/r/artifacts/a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--serve-artifacts");
    }

    @Test
    void climbingOutOfTheArtifactRootIsRefused() {
        assertThatThrownBy(() -> proxy.proxyUrl("mlflow-artifacts:/1/r/artifacts/../../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("..");
    }
}
