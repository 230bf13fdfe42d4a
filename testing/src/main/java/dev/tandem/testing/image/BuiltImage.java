/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.image;

import dev.tandem.api.image.TandemImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The image archive the module's build made with {@code -Pimages} ({@code dev/image}), as the build tells its
 * integration tests: system properties {@code tandem.image.name}, {@code tandem.image.archive} and
 * {@code tandem.image.version}; a module that builds a second image (the serving module's {@code serving-gpu})
 * names its archive in {@code tandem.image.<name>.archive}.
 *
 * @param name the image, e.g. {@code serving} for {@code tandem-serving}
 * @param archive the {@code oci-archive}
 * @param version the project version it is tagged with
 */
public record BuiltImage(String name, Path archive, String version) {

    /** Layers of every Tandem image: Debian, the Java runtime, the application. */
    public static final int LAYERS = 3;

    /** The user every Tandem image runs as. */
    public static final String USER = "10001:10001";

    /** The module's image, or a failure that says how to build it. */
    public static BuiltImage ofThisModule() {
        return of(System.getProperty("tandem.image.name"), System.getProperty("tandem.image.archive"));
    }

    /**
     * Another image the module's build made, e.g. {@code serving-gpu}, or a failure that says how to build it.
     *
     * @param name the image, as {@code dev/image build} names it
     */
    public static BuiltImage ofThisModule(String name) {
        return of(name, System.getProperty("tandem.image." + name + ".archive"));
    }

    private static BuiltImage of(String name, String archive) {
        String version = System.getProperty("tandem.image.version");
        if (name == null || archive == null || version == null || !Files.isRegularFile(Path.of(archive))) {
            throw new IllegalStateException("no image archive (" + archive + "): image ITs run in a build with"
                    + " -Pimages, which makes it at package (dev/image)");
        }
        return new BuiltImage(name, Path.of(archive), version);
    }

    /**
     * Which of Tandem's images it is, by name.
     *
     * @throws IllegalStateException when Tandem has no image of that name
     */
    public TandemImage tandemImage() {
        String repositoryName = "tandem-" + name;
        return Stream.of(TandemImage.values())
                .filter(image -> image.repositoryName().equals(repositoryName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Tandem has no image " + repositoryName));
    }

    /**
     * Its layout, unpacked into {@code directory}, checked as every Tandem image must be: every blob against its
     * digest, tagged with the reference {@link TandemImage} gives it, {@value #LAYERS} layers, run as {@value #USER} by the entrypoint
     * {@code /usr/local/bin/tandem-<name>}, labelled with title, version, revision and source.
     *
     * @throws IllegalStateException naming what is wrong
     */
    public OciImage openVerified(Path directory) {
        OciImage image = OciImage.fromArchive(archive, directory);
        String title = "tandem-" + name;
        require(image.reference().equals(tandemImage().reference()), "reference", image.reference());
        require(
                image.verifyLayers().size() == LAYERS,
                "layers",
                image.manifest().path("layers"));
        require(image.user().equals(USER), "user", image.user());
        require(image.entrypoint().equals(List.of("/usr/local/bin/" + title)), "entrypoint", image.entrypoint());
        Map<String, String> labels = image.labels();
        require(title.equals(labels.get("org.opencontainers.image.title")), "title label", labels);
        require(version.equals(labels.get("org.opencontainers.image.version")), "version label", labels);
        require(
                labels.containsKey("org.opencontainers.image.revision")
                        && labels.containsKey("org.opencontainers.image.source"),
                "revision and source labels",
                labels);
        return image;
    }

    private void require(boolean holds, String what, Object actual) {
        if (!holds) {
            throw new IllegalStateException(archive + ": unexpected " + what + ": " + actual);
        }
    }
}
