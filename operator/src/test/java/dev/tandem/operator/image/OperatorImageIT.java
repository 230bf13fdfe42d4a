/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operator.LocalPlatformResource;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.image.BuiltImage;
import dev.tandem.testing.image.Container;
import dev.tandem.testing.image.OciImage;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator image: a valid OCI image (checked as every Tandem image is) whose entrypoint, as its non-root user,
 * connects to the API server and becomes ready once every controller watches.
 */
@LocalPlatformTest
class OperatorImageIT {

    private final BuiltImage built = BuiltImage.ofThisModule();

    @Test
    void itsEntrypointWatchesTheApiServerAsTheImagesUser(LocalPlatform platform, @TempDir Path work) throws Exception {
        OciImage image = built.openVerified(work);
        Path rootfs = image.unpack(work.resolve("bundle"));
        // The kubeconfig goes into the image's filesystem, where a mounted ServiceAccount would be, with the
        // certificates it names on the host written into it.
        Path kubeconfig = rootfs.resolve("home/tandem/kubeconfig");
        Files.writeString(kubeconfig, selfContained(platform.kubeconfig()));
        Files.setPosixFilePermissions(kubeconfig, PosixFilePermissions.fromString("rw-r--r--"));
        int http = Container.freePort();
        // Scoped to a label no resource carries: it watches, and touches nobody's resources.
        String scope =
                LocalPlatformResource.scopedTo(
                                "image-it-" + UUID.randomUUID().toString().substring(0, 8))
                        .entrySet()
                        .stream()
                        .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" "));

        try (Container operator = image.start(
                rootfs,
                Map.of(
                        "KUBECONFIG",
                        "/home/tandem/kubeconfig",
                        "QUARKUS_HTTP_PORT",
                        String.valueOf(http),
                        "JAVA_OPTS",
                        "-Xmx256m " + scope),
                List.of(),
                work.resolve("operator.log"))) {
            operator.awaitOk(URI.create("http://127.0.0.1:" + http + "/q/health/ready"), Duration.ofMinutes(2));

            assertThat(operator.uid()).as("never root").isEqualTo("10001");
        }
    }

    private static String selfContained(Path kubeconfig) throws IOException {
        Config config = KubeConfigUtils.parseConfig(kubeconfig.toFile());
        for (NamedCluster cluster : config.getClusters()) {
            String ca = cluster.getCluster().getCertificateAuthority();
            if (ca != null) {
                cluster.getCluster().setCertificateAuthorityData(base64(Path.of(ca)));
                cluster.getCluster().setCertificateAuthority(null);
            }
        }
        for (NamedAuthInfo user : config.getUsers()) {
            AuthInfo auth = user.getUser();
            if (auth.getClientCertificate() != null) {
                auth.setClientCertificateData(base64(Path.of(auth.getClientCertificate())));
                auth.setClientCertificate(null);
            }
            if (auth.getClientKey() != null) {
                auth.setClientKeyData(base64(Path.of(auth.getClientKey())));
                auth.setClientKey(null);
            }
        }
        return Serialization.asYaml(config);
    }

    private static String base64(Path file) throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }
}
