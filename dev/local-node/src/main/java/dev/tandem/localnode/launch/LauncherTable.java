/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The images the local node can run, each mapped to a jar of this checkout. Anything else is refused: the node
 * has no container runtime, so an image it does not know cannot run at all.
 */
public final class LauncherTable {

    /** Tandem's own images, named as their Quarkus applications and artifacts are. */
    public static final LauncherTable TANDEM = new LauncherTable(List.of(
            new ImageLauncher(
                    "tandem-serving",
                    "serving-image/target/quarkus-app",
                    "quarkus-run.jar",
                    List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"),
                    List.of("quarkus.http.host", "quarkus.grpc.server.host"),
                    "./mvnw -pl serving-image -am package -DskipTests"),
            new ImageLauncher(
                    "tandem-trainer",
                    "trainer-image/target",
                    "tandem-trainer-*.jar",
                    List.of("--enable-native-access=ALL-UNNAMED"),
                    List.of(),
                    "./mvnw -pl trainer-image -am package -DskipTests"),
            new ImageLauncher(
                    "tandem-operator",
                    "operator/target/quarkus-app",
                    "quarkus-run.jar",
                    List.of(),
                    List.of("quarkus.http.host"),
                    "./mvnw -pl operator -am package -DskipTests")));

    private final Map<String, ImageLauncher> byName;

    public LauncherTable(List<ImageLauncher> launchers) {
        this.byName =
                launchers.stream().collect(Collectors.toUnmodifiableMap(ImageLauncher::imageName, Function.identity()));
    }

    /** The launcher for an image reference, whatever its registry, tag or digest. */
    public Optional<ImageLauncher> launcherFor(String imageReference) {
        return Optional.ofNullable(byName.get(ImageName.parse(imageReference).name()));
    }

    /** The mapped image names, sorted, for messages. */
    public List<String> imageNames() {
        return byName.keySet().stream().sorted().toList();
    }
}
