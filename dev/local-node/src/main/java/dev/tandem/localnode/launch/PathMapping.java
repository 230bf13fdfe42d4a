/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a container's mount paths are on the host. A process has no mount namespace, so the paths a pod spec
 * passes in arguments, environment values and its working directory are rewritten to the host directories that
 * hold the volumes: {@code --out /index} becomes {@code --out ~/.local/state/…/volumes/index}.
 *
 * <p>A mount path is replaced where a value starts with it or where it follows a {@code =} (as in
 * {@code --out=/index} or {@code -Dtandem.index=/index}), and only as a whole path segment, so {@code /index} does not
 * rewrite {@code /indexes}. The longest mount path wins. A path may name a single file, as a container's
 * termination message path does.
 */
public final class PathMapping {

    private final Map<String, Path> byPath;
    private final List<Map.Entry<String, String>> mounts;

    /** @param mounts container mount path → host path */
    public PathMapping(Map<String, Path> mounts) {
        this.byPath = new LinkedHashMap<>(mounts);
        Map<String, String> normalised = new LinkedHashMap<>();
        mounts.forEach((mountPath, host) -> normalised.put(strip(mountPath), host.toString()));
        this.mounts = normalised.entrySet().stream()
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, String> e) -> e.getKey().length())
                        .reversed())
                .toList();
    }

    /** No volumes: every value stays as it is. */
    public static PathMapping none() {
        return new PathMapping(Map.of());
    }

    /** This mapping and one more container path (it replaces a mapping of the same path). */
    public PathMapping with(String containerPath, Path host) {
        Map<String, Path> more = new LinkedHashMap<>(byPath);
        more.put(containerPath, host);
        return new PathMapping(more);
    }

    /** The value with every mount path in it replaced by its host directory. */
    public String map(String value) {
        if (value == null || mounts.isEmpty()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            boolean atBoundary = i == 0 || value.charAt(i - 1) == '=';
            String replaced = null;
            if (atBoundary) {
                for (Map.Entry<String, String> mount : mounts) {
                    String path = mount.getKey();
                    int end = i + path.length();
                    if (value.startsWith(path, i) && (end == value.length() || value.charAt(end) == '/')) {
                        replaced = mount.getValue();
                        i = end;
                        break;
                    }
                }
            }
            if (replaced != null) {
                out.append(replaced);
            } else {
                out.append(value.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /** Each value mapped. */
    public List<String> map(List<String> values) {
        return values.stream().map(this::map).toList();
    }

    private static String strip(String mountPath) {
        String path = mountPath;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }
}
