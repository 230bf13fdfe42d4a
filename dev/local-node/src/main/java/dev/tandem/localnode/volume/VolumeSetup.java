/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.volume;

import dev.tandem.localnode.launch.ContainerConfigException;
import dev.tandem.localnode.launch.Mount;
import dev.tandem.localnode.pod.PodDirectory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapProjection;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretProjection;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives a pod's volumes host directories: {@code emptyDir} a fresh directory in the pod's directory,
 * {@code hostPath} the path itself, {@code configMap}, {@code secret}, {@code downwardAPI} and {@code projected}
 * (the service account token included) files written once at start, and a {@code persistentVolumeClaim} the path of
 * its bound hostPath or local PersistentVolume. Other volume types are refused.
 */
public final class VolumeSetup {

    private final ClusterObjects objects;

    public VolumeSetup(ClusterObjects objects) {
        this.objects = objects;
    }

    /**
     * Prepares every volume of the pod.
     *
     * @return volume name → host directory
     */
    public Map<String, Path> prepare(Pod pod, PodDirectory dir) throws ContainerConfigException {
        Map<String, Path> paths = new LinkedHashMap<>();
        List<Volume> volumes =
                pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes();
        try {
            for (Volume volume : volumes) {
                paths.put(volume.getName(), prepare(pod, dir, volume));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot prepare the volumes of pod " + pod.getMetadata().getName(), e);
        } catch (KubernetesClientException e) {
            throw new ContainerConfigException("cannot read what the volumes need: " + e.getMessage());
        }
        return paths;
    }

    /**
     * What a container mounts, given the pod's volumes. Secrets, ConfigMaps, downward API and projected volumes are
     * read-only whatever the mount says, as a kubelet makes them.
     */
    public static List<Mount> mountsFor(Container container, Pod pod, Map<String, Path> volumes)
            throws ContainerConfigException {
        List<Mount> mounts = new ArrayList<>();
        for (VolumeMount mount :
                container.getVolumeMounts() == null ? List.<VolumeMount>of() : container.getVolumeMounts()) {
            Path volume = volumes.get(mount.getName());
            if (volume == null) {
                throw new ContainerConfigException("container " + container.getName() + " mounts volume "
                        + mount.getName() + ", which the pod does not have");
            }
            Path target = volume;
            if (mount.getSubPath() != null && !mount.getSubPath().isEmpty()) {
                target = volume.resolve(mount.getSubPath()).normalize();
                if (!target.startsWith(volume)) {
                    throw new ContainerConfigException(
                            "subPath " + mount.getSubPath() + " leaves volume " + mount.getName());
                }
            }
            mounts.add(new Mount(
                    mount.getMountPath(),
                    target,
                    Boolean.TRUE.equals(mount.getReadOnly()) || writtenOnce(pod, mount.getName())));
        }
        return mounts;
    }

    private static boolean writtenOnce(Pod pod, String volumeName) {
        return pod.getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(volumeName))
                .anyMatch(v -> v.getSecret() != null
                        || v.getConfigMap() != null
                        || v.getDownwardAPI() != null
                        || v.getProjected() != null);
    }

    private Path prepare(Pod pod, PodDirectory dir, Volume volume) throws IOException, ContainerConfigException {
        String namespace = pod.getMetadata().getNamespace();
        Path own = dir.volume(volume.getName());
        if (volume.getEmptyDir() != null) {
            // World-writable as a kubelet makes it: the container's user is not the node's.
            Files.createDirectories(own);
            return Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        if (volume.getHostPath() != null) {
            return hostPath(volume.getHostPath());
        }
        if (volume.getConfigMap() != null) {
            ConfigMapVolumeSource source = volume.getConfigMap();
            Files.createDirectories(own);
            Optional<ConfigMap> map = objects.configMap(namespace, source.getName());
            if (map.isEmpty()) {
                if (Boolean.TRUE.equals(source.getOptional())) {
                    return own;
                }
                throw new ContainerConfigException("configmap \"" + source.getName() + "\" not found");
            }
            writeKeys(own, configMapData(map.get()), source.getItems(), Boolean.TRUE.equals(source.getOptional()));
            return own;
        }
        if (volume.getSecret() != null) {
            SecretVolumeSource source = volume.getSecret();
            Files.createDirectories(own);
            Optional<Secret> secret = objects.secret(namespace, source.getSecretName());
            if (secret.isEmpty()) {
                if (Boolean.TRUE.equals(source.getOptional())) {
                    return own;
                }
                throw new ContainerConfigException("secret \"" + source.getSecretName() + "\" not found");
            }
            writeKeys(own, secretData(secret.get()), source.getItems(), Boolean.TRUE.equals(source.getOptional()));
            return own;
        }
        if (volume.getDownwardAPI() != null) {
            Files.createDirectories(own);
            for (DownwardAPIVolumeFile file : volume.getDownwardAPI().getItems()) {
                write(own, file.getPath(), DownwardApi.value(pod, file));
            }
            return own;
        }
        if (volume.getProjected() != null) {
            Files.createDirectories(own);
            for (VolumeProjection source : volume.getProjected().getSources()) {
                project(pod, own, source);
            }
            return own;
        }
        if (volume.getPersistentVolumeClaim() != null) {
            return claim(namespace, volume.getPersistentVolumeClaim().getClaimName());
        }
        throw new ContainerConfigException("volume " + volume.getName() + " is of a type the local node does not "
                + "provide; it provides emptyDir, hostPath, configMap, secret, downwardAPI, projected and "
                + "persistentVolumeClaim (bound to a hostPath or local PersistentVolume)");
    }

    private void project(Pod pod, Path own, VolumeProjection source) throws IOException, ContainerConfigException {
        String namespace = pod.getMetadata().getNamespace();
        if (source.getServiceAccountToken() != null) {
            write(
                    own,
                    source.getServiceAccountToken().getPath(),
                    objects.serviceAccountToken(pod, source.getServiceAccountToken()));
        } else if (source.getConfigMap() != null) {
            ConfigMapProjection ref = source.getConfigMap();
            Optional<ConfigMap> map = objects.configMap(namespace, ref.getName());
            if (map.isPresent()) {
                writeKeys(own, configMapData(map.get()), ref.getItems(), Boolean.TRUE.equals(ref.getOptional()));
            } else if (!Boolean.TRUE.equals(ref.getOptional())) {
                throw new ContainerConfigException("configmap \"" + ref.getName() + "\" not found");
            }
        } else if (source.getSecret() != null) {
            SecretProjection ref = source.getSecret();
            Optional<Secret> secret = objects.secret(namespace, ref.getName());
            if (secret.isPresent()) {
                writeKeys(own, secretData(secret.get()), ref.getItems(), Boolean.TRUE.equals(ref.getOptional()));
            } else if (!Boolean.TRUE.equals(ref.getOptional())) {
                throw new ContainerConfigException("secret \"" + ref.getName() + "\" not found");
            }
        } else if (source.getDownwardAPI() != null) {
            for (DownwardAPIVolumeFile file : source.getDownwardAPI().getItems()) {
                write(own, file.getPath(), DownwardApi.value(pod, file));
            }
        } else {
            throw new ContainerConfigException("a projected volume source of the pod is of a type the local node "
                    + "does not provide (serviceAccountToken, configMap, secret and downwardAPI are)");
        }
    }

    private Path claim(String namespace, String claimName) throws IOException, ContainerConfigException {
        PersistentVolumeClaim claim = objects.persistentVolumeClaim(namespace, claimName)
                .orElseThrow(
                        () -> new ContainerConfigException("persistentvolumeclaim \"" + claimName + "\" not found"));
        String volumeName = claim.getSpec().getVolumeName();
        if (volumeName == null || volumeName.isEmpty()) {
            throw new ContainerConfigException("persistentvolumeclaim \"" + claimName + "\" is not bound");
        }
        PersistentVolume volume = objects.persistentVolume(volumeName)
                .orElseThrow(() -> new ContainerConfigException("persistentvolume \"" + volumeName + "\" not found"));
        if (volume.getSpec().getHostPath() != null) {
            return hostPath(volume.getSpec().getHostPath());
        }
        if (volume.getSpec().getLocal() != null) {
            return Path.of(volume.getSpec().getLocal().getPath());
        }
        throw new ContainerConfigException("persistentvolume \"" + volumeName + "\" is neither hostPath nor local; "
                + "the local node can mount only those");
    }

    private static Path hostPath(HostPathVolumeSource source) throws IOException, ContainerConfigException {
        Path path = Path.of(source.getPath());
        String type = source.getType() == null ? "" : source.getType();
        switch (type) {
            case "DirectoryOrCreate" -> Files.createDirectories(path);
            case "FileOrCreate" -> {
                Files.createDirectories(path.toAbsolutePath().getParent());
                if (!Files.exists(path)) {
                    Files.createFile(path);
                }
            }
            case "Directory" -> {
                if (!Files.isDirectory(path)) {
                    throw new ContainerConfigException("hostPath type check failed: " + path + " is not a directory");
                }
            }
            case "File" -> {
                if (!Files.isRegularFile(path)) {
                    throw new ContainerConfigException("hostPath type check failed: " + path + " is not a file");
                }
            }
            default -> {
                // No type (or a socket/device type) is not checked, as the API's default "" is not.
            }
        }
        return path;
    }

    private static void writeKeys(Path dir, Map<String, byte[]> data, List<KeyToPath> items, boolean optional)
            throws IOException, ContainerConfigException {
        if (items == null || items.isEmpty()) {
            for (Map.Entry<String, byte[]> entry : data.entrySet()) {
                write(dir, entry.getKey(), entry.getValue());
            }
            return;
        }
        for (KeyToPath item : items) {
            byte[] value = data.get(item.getKey());
            if (value == null) {
                if (optional) {
                    continue;
                }
                throw new ContainerConfigException("couldn't find key " + item.getKey());
            }
            write(dir, item.getPath(), value);
        }
    }

    private static void write(Path dir, String relative, String value) throws IOException, ContainerConfigException {
        write(dir, relative, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path dir, String relative, byte[] value) throws IOException, ContainerConfigException {
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir)) {
            throw new ContainerConfigException("volume file " + relative + " leaves its volume");
        }
        Files.createDirectories(file.getParent());
        Path scratch = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(scratch, value);
        Files.move(scratch, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, byte[]> configMapData(ConfigMap map) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        if (map.getData() != null) {
            map.getData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        if (map.getBinaryData() != null) {
            map.getBinaryData()
                    .forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
        }
        return data;
    }

    private static Map<String, byte[]> secretData(Secret secret) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        return data;
    }
}
