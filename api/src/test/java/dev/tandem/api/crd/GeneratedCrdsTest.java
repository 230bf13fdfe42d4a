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
 * The CRD YAML committed under {@code crds/} and in the chart ({@code helm/tandem/crds/}) is what the Java types
 * generate: one source, two places it is shipped from. Like the formatter, a local build rewrites stale files and CI
 * ({@code CI=true}) fails on them, so a change to a type cannot land without its CRDs.
 */
class GeneratedCrdsTest {

    @Test
    void committedCrdsMatchTheJavaTypes(@TempDir Path generated) throws IOException {
        check("../crds", generated);
    }

    @Test
    void theChartsCrdsMatchTheJavaTypes(@TempDir Path generated) throws IOException {
        check("../helm/tandem/crds", generated);
    }

    private static void check(String directory, Path generated) throws IOException {
        Path committedDir = Path.of(directory);
        new CRDGenerator()
                .customResourceClasses(RecModel.class, RecIndex.class, Rollout.class)
                .forCRDVersions("v1")
                .inOutputDir(generated.toFile())
                .generate();

        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.sorted().toList()) {
                Path committed = committedDir.resolve(file.getFileName());
                String content = Files.readString(file);
                if (!Files.exists(committed) || !Files.readString(committed).equals(content)) {
                    stale.add(committed.toString());
                    if (!ci()) {
                        Files.createDirectories(committedDir);
                        Files.writeString(committed, content);
                    }
                }
            }
        }
        try (Stream<Path> files = Files.list(committedDir)) {
            List<String> orphans = files.map(Path::getFileName)
                    .filter(name -> !Files.exists(generated.resolve(name)))
                    .map(Path::toString)
                    .toList();
            assertThat(orphans)
                    .as("files in " + directory + " that no type generates")
                    .isEmpty();
        }
        if (ci()) {
            assertThat(stale)
                    .as("CRDs in " + directory + " that differ from the Java types; run ./mvnw -pl api test"
                            + " -Dtest=GeneratedCrdsTest outside CI to rewrite them, and commit them")
                    .isEmpty();
        }
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
