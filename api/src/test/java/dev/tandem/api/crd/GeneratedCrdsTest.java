/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import io.fabric8.crdv2.generator.CRDGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRD YAML committed under {@code crds/} is what the Java types generate. Like the formatter, a local build rewrites
 * stale files and CI ({@code CI=true}) fails on them, so a change to a type cannot land without its CRD.
 */
class GeneratedCrdsTest {

    static final Path COMMITTED = Path.of("..", "crds");

    @Test
    void committedCrdsMatchTheJavaTypes(@TempDir Path generated) throws IOException {
        new CRDGenerator()
                .customResourceClasses(RecModel.class, RecIndex.class, Rollout.class)
                .forCRDVersions("v1")
                .inOutputDir(generated.toFile())
                .generate();

        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.sorted().toList()) {
                Path committed = COMMITTED.resolve(file.getFileName());
                String content = Files.readString(file);
                if (!Files.exists(committed) || !Files.readString(committed).equals(content)) {
                    stale.add(committed.toString());
                    if (!ci()) {
                        Files.createDirectories(COMMITTED);
                        Files.writeString(committed, content);
                    }
                }
            }
        }
        try (Stream<Path> files = Files.list(COMMITTED)) {
            List<String> orphans = files.map(Path::getFileName)
                    .filter(name -> !Files.exists(generated.resolve(name)))
                    .map(Path::toString)
                    .toList();
            assertThat(orphans).as("files in crds/ that no type generates").isEmpty();
        }
        if (ci()) {
            assertThat(stale)
                    .as("CRDs in crds/ that differ from the Java types; run ./mvnw -pl api test"
                            + " -Dtest=GeneratedCrdsTest outside CI to rewrite them, and commit them")
                    .isEmpty();
        }
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
