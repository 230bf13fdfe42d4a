/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvResolverTest {

    /** ConfigMaps and Secrets of a namespace {@code ns}, as the API server would return them. */
    private static final ObjectLookup OBJECTS = new ObjectLookup() {
        @Override
        public Optional<ConfigMap> configMap(String namespace, String name) {
            return namespace.equals("ns") && name.equals("serving")
                    ? Optional.of(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("serving")
                            .endMetadata()
                            .addToData("TANDEM_BUNDLE", "models:/m/1")
                            .addToData("WARMUP", "50")
                            .build())
                    : Optional.empty();
        }

        @Override
        public Optional<Secret> secret(String namespace, String name) {
            return namespace.equals("ns") && name.equals("mlflow")
                    ? Optional.of(new SecretBuilder()
                            .withNewMetadata()
                            .withName("mlflow")
                            .endMetadata()
                            .addToData(
                                    "token",
                                    Base64.getEncoder().encodeToString("s3cret".getBytes(StandardCharsets.UTF_8)))
                            .build())
                    : Optional.empty();
        }
    };

    private final EnvResolver resolver = new EnvResolver(
            OBJECTS, Map.of("KUBERNETES_SERVICE_HOST", "127.0.0.1", "KUBERNETES_SERVICE_PORT", "26443"));
    private final PodAddresses addresses = new PodAddresses("127.200.0.4", "127.0.0.1");

    @Test
    void resolvesFieldsConfigMapsSecretsResourcesAndReferencesInOrder() throws ContainerConfigException {
        Container container = new ContainerBuilder()
                .withName("server")
                .withImage("tandem-serving")
                .addNewEnvFrom()
                .withPrefix("CFG_")
                .withNewConfigMapRef()
                .withName("serving")
                .endConfigMapRef()
                .endEnvFrom()
                .addNewEnv()
                .withName("POD_IP")
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath("status.podIP")
                .endFieldRef()
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("URL")
                .withValue("http://$(POD_IP):8501")
                .endEnv()
                .addNewEnv()
                .withName("TOKEN")
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName("mlflow")
                .withKey("token")
                .endSecretKeyRef()
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("MEMORY_MB")
                .withNewValueFrom()
                .withNewResourceFieldRef()
                .withResource("limits.memory")
                .withDivisor(new Quantity("1Mi"))
                .endResourceFieldRef()
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("APP")
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath("metadata.labels['app']")
                .endFieldRef()
                .endValueFrom()
                .endEnv()
                .withNewResources()
                .addToLimits("memory", new Quantity("1536Mi"))
                .endResources()
                .build();

        Map<String, String> env = resolver.resolve(pod(container), container, addresses, Map.of());

        assertThat(env)
                .containsEntry("KUBERNETES_SERVICE_HOST", "127.0.0.1")
                .containsEntry("HOSTNAME", "server-0")
                .containsEntry("CFG_TANDEM_BUNDLE", "models:/m/1")
                .containsEntry("POD_IP", "127.200.0.4")
                .containsEntry("URL", "http://127.200.0.4:8501")
                .containsEntry("TOKEN", "s3cret")
                .containsEntry("MEMORY_MB", "1536")
                .containsEntry("APP", "serving");
    }

    @Test
    void aMissingKeyIsAConfigurationErrorUnlessOptional() throws ContainerConfigException {
        Container missing = new ContainerBuilder()
                .withName("server")
                .addNewEnv()
                .withName("X")
                .withNewValueFrom()
                .withNewConfigMapKeyRef()
                .withName("serving")
                .withKey("NOPE")
                .endConfigMapKeyRef()
                .endValueFrom()
                .endEnv()
                .build();
        Container optional = new ContainerBuilder(missing)
                .editFirstEnv()
                .editValueFrom()
                .editConfigMapKeyRef()
                .withOptional(true)
                .endConfigMapKeyRef()
                .endValueFrom()
                .endEnv()
                .build();

        assertThatThrownBy(() -> resolver.resolve(pod(missing), missing, addresses, Map.of()))
                .isInstanceOf(ContainerConfigException.class)
                .hasMessage("couldn't find key NOPE in ConfigMap ns/serving");
        assertThat(resolver.resolve(pod(optional), optional, addresses, Map.of()))
                .doesNotContainKey("X");
    }

    @Test
    void aMissingConfigMapIsNamed() {
        Container container = new ContainerBuilder()
                .withName("server")
                .addNewEnvFrom()
                .withNewConfigMapRef()
                .withName("absent")
                .endConfigMapRef()
                .endEnvFrom()
                .build();

        assertThatThrownBy(() -> resolver.resolve(pod(container), container, addresses, Map.of()))
                .hasMessage("configmap \"absent\" not found");
    }

    private static Pod pod(Container container) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("server-0")
                .withNamespace("ns")
                .withUid("u-1")
                .addToLabels("app", "serving")
                .endMetadata()
                .withNewSpec()
                .withNodeName("local-0")
                .withContainers(container)
                .endSpec()
                .build();
    }
}
