/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;

/**
 * fabric8 kube-api-test finds the platform's self-built binaries in offline mode, so tests that need only
 * a throwaway API server (no scheduler, no nodes) can start one without downloading anything.
 */
@LocalPlatformTest
class KubeApiTestOfflineIT {

    @Test
    void startsAnApiServerFromTheCachedBinaries(LocalPlatform platform) {
        KubeAPIServer server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(platform.kubeApiTestDir().toString())
                .withApiServerVersion(platform.kubernetesVersion())
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .build());
        server.start();
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(server.getKubeConfigYaml()))
                .build()) {
            assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v" + platform.kubernetesVersion());

            ConfigMap created = client.configMaps()
                    .inNamespace("default")
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("probe")
                            .endMetadata()
                            .addToData("pair", "model-3/index-3")
                            .build())
                    .create();
            assertThat(created.getMetadata().getUid()).isNotBlank();
            assertThat(client.configMaps()
                            .inNamespace("default")
                            .withName("probe")
                            .get()
                            .getData())
                    .containsEntry("pair", "model-3/index-3");
        } finally {
            server.stop();
        }
    }
}
