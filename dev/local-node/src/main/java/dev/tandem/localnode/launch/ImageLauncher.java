/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the local node runs one image: the jar of the checkout that the image would contain, started by the node's
 * own JDK with the JVM flags the image's entry point would pass.
 *
 * @param imageName the image's name ({@link ImageName#name()})
 * @param jarDirectory directory of the jar, relative to the checkout
 * @param jarGlob file name pattern of the jar in that directory (versions vary); Maven's side jars
 *     ({@code -sources}, {@code -javadoc}, {@code -tests}) never match
 * @param jvmFlags flags before {@code -jar}, as the image's entry point has them
 * @param bindAddressProperties system properties that name the address the process listens on; each is set to the
 *     pod IP, as binding to all interfaces inside a container's network namespace would do
 * @param buildCommand what builds the jar, for the message when it is missing
 */
public record ImageLauncher(
        String imageName,
        String jarDirectory,
        String jarGlob,
        List<String> jvmFlags,
        List<String> bindAddressProperties,
        String buildCommand) {

    public ImageLauncher {
        jvmFlags = List.copyOf(jvmFlags);
        bindAddressProperties = List.copyOf(bindAddressProperties);
    }

    /** The jar in the checkout, if it is built; the newest when several match. */
    public Optional<Path> findJar(Path checkout) {
        Path dir = checkout.resolve(jarDirectory);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + jarGlob);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> matcher.matches(f.getFileName()) && !isSideJar(f) && Files.isRegularFile(f))
                    .max(Comparator.comparing(ImageLauncher::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Where the jar is expected, for messages. */
    public String jarDescription() {
        return jarDirectory + "/" + jarGlob;
    }

    private static boolean isSideJar(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith("-sources.jar") || name.endsWith("-javadoc.jar") || name.endsWith("-tests.jar");
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
