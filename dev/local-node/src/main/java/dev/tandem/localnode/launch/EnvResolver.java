/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a container's environment as a kubelet does: the variables a kubelet adds (the API server's address,
 * {@code HOSTNAME}), then {@code envFrom}, then {@code env} in order, each value able to refer to earlier ones with
 * {@code $(VAR)}; field and resource references resolved from the pod, ConfigMap and Secret keys looked up.
 */
public final class EnvResolver {

    private static final Pattern MAP_KEY = Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]");

    private final ObjectLookup lookup;
    private final Map<String, String> nodeVariables;

    /**
     * @param lookup where ConfigMaps and Secrets come from
     * @param nodeVariables variables every container gets before its own (the {@code kubernetes} Service's address)
     */
    public EnvResolver(ObjectLookup lookup, Map<String, String> nodeVariables) {
        this.lookup = lookup;
        this.nodeVariables = Map.copyOf(nodeVariables);
    }

    /** The container's environment, in definition order. */
    public Map<String, String> resolve(
            Pod pod, Container container, PodAddresses addresses, Map<String, String> nodeAllocatable)
            throws ContainerConfigException {
        String namespace = pod.getMetadata().getNamespace();
        Map<String, String> env = new LinkedHashMap<>(nodeVariables);
        env.put(
                "HOSTNAME",
                pod.getSpec().getHostname() != null
                        ? pod.getSpec().getHostname()
                        : pod.getMetadata().getName());
        for (EnvFromSource from : nullToEmpty(container.getEnvFrom())) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                Optional<ConfigMap> map = lookup.configMap(namespace, name);
                if (map.isEmpty()) {
                    if (Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                        continue;
                    }
                    throw new ContainerConfigException("configmap \"" + name + "\" not found");
                }
                nullToEmpty(map.get().getData()).forEach((k, v) -> env.put(prefix + k, v));
            }
            if (from.getSecretRef() != null) {
                String name = from.getSecretRef().getName();
                Optional<Secret> secret = lookup.secret(namespace, name);
                if (secret.isEmpty()) {
                    if (Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
                        continue;
                    }
                    throw new ContainerConfigException("secret \"" + name + "\" not found");
                }
                secretData(secret.get()).forEach((k, v) -> env.put(prefix + k, v));
            }
        }
        for (EnvVar var : nullToEmpty(container.getEnv())) {
            if (var.getValueFrom() == null) {
                env.put(var.getName(), VarExpansion.expand(var.getValue() == null ? "" : var.getValue(), env));
                continue;
            }
            Optional<String> value = valueOf(var.getValueFrom(), pod, container, addresses, nodeAllocatable);
            value.ifPresent(v -> env.put(var.getName(), v));
        }
        return env;
    }

    private Optional<String> valueOf(
            EnvVarSource source, Pod pod, Container container, PodAddresses addresses, Map<String, String> allocatable)
            throws ContainerConfigException {
        String namespace = pod.getMetadata().getNamespace();
        if (source.getFieldRef() != null) {
            return Optional.of(field(source.getFieldRef(), pod, addresses));
        }
        if (source.getResourceFieldRef() != null) {
            return Optional.of(resource(source.getResourceFieldRef(), pod, container, allocatable));
        }
        if (source.getConfigMapKeyRef() != null) {
            ConfigMapKeySelector ref = source.getConfigMapKeyRef();
            boolean optional = Boolean.TRUE.equals(ref.getOptional());
            Optional<ConfigMap> map = lookup.configMap(namespace, ref.getName());
            if (map.isEmpty()) {
                if (optional) {
                    return Optional.empty();
                }
                throw new ContainerConfigException("configmap \"" + ref.getName() + "\" not found");
            }
            String value = nullToEmpty(map.get().getData()).get(ref.getKey());
            if (value == null && !optional) {
                throw new ContainerConfigException(
                        "couldn't find key " + ref.getKey() + " in ConfigMap " + namespace + "/" + ref.getName());
            }
            return Optional.ofNullable(value);
        }
        if (source.getSecretKeyRef() != null) {
            SecretKeySelector ref = source.getSecretKeyRef();
            boolean optional = Boolean.TRUE.equals(ref.getOptional());
            Optional<Secret> secret = lookup.secret(namespace, ref.getName());
            if (secret.isEmpty()) {
                if (optional) {
                    return Optional.empty();
                }
                throw new ContainerConfigException("secret \"" + ref.getName() + "\" not found");
            }
            String value = secretData(secret.get()).get(ref.getKey());
            if (value == null && !optional) {
                throw new ContainerConfigException(
                        "couldn't find key " + ref.getKey() + " in Secret " + namespace + "/" + ref.getName());
            }
            return Optional.ofNullable(value);
        }
        throw new ContainerConfigException("unsupported env source in " + source);
    }

    private static String field(ObjectFieldSelector ref, Pod pod, PodAddresses addresses)
            throws ContainerConfigException {
        String path = ref.getFieldPath();
        switch (path) {
            case "metadata.name" -> {
                return pod.getMetadata().getName();
            }
            case "metadata.namespace" -> {
                return pod.getMetadata().getNamespace();
            }
            case "metadata.uid" -> {
                return pod.getMetadata().getUid();
            }
            case "spec.nodeName" -> {
                return pod.getSpec().getNodeName();
            }
            case "spec.serviceAccountName" -> {
                return pod.getSpec().getServiceAccountName();
            }
            case "status.hostIP", "status.hostIPs" -> {
                return addresses.hostIp();
            }
            case "status.podIP", "status.podIPs" -> {
                return addresses.podIp();
            }
            default -> {
                Matcher m = MAP_KEY.matcher(path);
                if (m.matches()) {
                    Map<String, String> values = m.group(1).equals("labels")
                            ? pod.getMetadata().getLabels()
                            : pod.getMetadata().getAnnotations();
                    return nullToEmpty(values).getOrDefault(m.group(2), "");
                }
                throw new ContainerConfigException("unsupported fieldRef " + path);
            }
        }
    }

    private static String resource(
            ResourceFieldSelector ref, Pod pod, Container container, Map<String, String> allocatable)
            throws ContainerConfigException {
        Container target = container;
        if (ref.getContainerName() != null && !ref.getContainerName().isEmpty()) {
            target = pod.getSpec().getContainers().stream()
                    .filter(c -> c.getName().equals(ref.getContainerName()))
                    .findFirst()
                    .orElseThrow(() -> new ContainerConfigException("no container " + ref.getContainerName()));
        }
        String[] parts = ref.getResource().split("\\.", 2);
        if (parts.length != 2) {
            throw new ContainerConfigException("unsupported resourceFieldRef " + ref.getResource());
        }
        boolean limits = parts[0].equals("limits");
        Optional<BigDecimal> amount =
                limits ? ResourceAmounts.limit(target, parts[1]) : ResourceAmounts.request(target, parts[1]);
        // Without a limit a kubelet reports the node's allocatable amount; without a request, zero.
        BigDecimal value = amount.orElseGet(() -> limits && allocatable.containsKey(parts[1])
                ? Quantity.getAmountInBytes(new Quantity(allocatable.get(parts[1])))
                : BigDecimal.ZERO);
        BigDecimal divisor = ref.getDivisor() == null ? BigDecimal.ONE : Quantity.getAmountInBytes(ref.getDivisor());
        return value.divide(divisor, 0, RoundingMode.CEILING).toPlainString();
    }

    private static Map<String, String> secretData(Secret secret) {
        Map<String, String> data = new LinkedHashMap<>();
        nullToEmpty(secret.getData())
                .forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        data.putAll(nullToEmpty(secret.getStringData()));
        return data;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Map<String, String> nullToEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
