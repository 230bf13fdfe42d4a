/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operator.it.TandemCrds;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The resources under {@code samples/} are accepted by the API server as they are. */
@LocalPlatformTest
class SamplesIT {

    @Test
    void everySampleIsAValidResource(KubernetesClient client, TestNamespace ns) throws IOException {
        TandemCrds.install(client);
        List<Path> samples;
        // Kustomizations are kubectl's, not the API server's; the namespace is the test's own.
        try (Stream<Path> files = Files.walk(Path.of("..", "samples"))) {
            samples = files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
        for (Path sample : samples) {
            try (InputStream yaml = Files.newInputStream(sample)) {
                for (HasMetadata resource : client.load(yaml).items()) {
                    if (resource.getKind().equals("Namespace")) {
                        continue;
                    }
                    resource.getMetadata().setNamespace(ns.name());
                    HasMetadata created = client.resource(resource).create();
                    assertThat(created.getMetadata().getUid()).as("%s", sample).isNotBlank();
                }
            }
        }
    }
}
