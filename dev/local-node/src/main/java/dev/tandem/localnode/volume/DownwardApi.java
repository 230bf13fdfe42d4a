/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.volume;

import dev.tandem.localnode.launch.ContainerConfigException;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The values of downward API volume files. */
final class DownwardApi {

    private DownwardApi() {}

    static String value(Pod pod, DownwardAPIVolumeFile file) throws ContainerConfigException {
        if (file.getFieldRef() == null) {
            throw new ContainerConfigException("downward API file " + file.getPath()
                    + " uses a resourceFieldRef; the local node writes only fieldRef files");
        }
        String path = file.getFieldRef().getFieldPath();
        return switch (path) {
            case "metadata.name" -> pod.getMetadata().getName();
            case "metadata.namespace" -> pod.getMetadata().getNamespace();
            case "metadata.uid" -> pod.getMetadata().getUid();
            case "metadata.labels" -> lines(pod.getMetadata().getLabels());
            case "metadata.annotations" -> lines(pod.getMetadata().getAnnotations());
            default -> throw new ContainerConfigException("unsupported downward API field " + path);
        };
    }

    // The format a kubelet writes: key="value" lines, sorted by key.
    private static String lines(Map<String, String> values) {
        if (values == null) {
            return "";
        }
        return new TreeMap<>(values)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=\"" + e.getValue().replace("\"", "\\\"") + "\"")
                        .collect(Collectors.joining("\n"));
    }
}
