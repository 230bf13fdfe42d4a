/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.image.BuiltImage;
import dev.tandem.testing.image.Container;
import dev.tandem.testing.image.OciImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU serving image as a node runs it: a valid OCI image whose class path holds TensorFlow's CUDA 12 build
 * instead of the CPU one, and whose entrypoint serves as its non-root user. This machine has no GPU and no CUDA:
 * TensorFlow's GPU build finds no driver and places everything on the CPU, which is what the start here shows;
 * that the tower lands on a GPU where there is one can only be seen on a GPU node, in the same startup log line.
 */
class ServingGpuImageIT {

    private static final String CPU_NATIVES = "-linux-x86_64.jar";
    private static final String GPU_NATIVES = "-linux-x86_64-gpu.jar";

    private static final BuiltImage BUILT = BuiltImage.ofThisModule("serving-gpu");

    @TempDir
    static Path work;

    private static OciImage image;
    private static Path rootfs;

    /** The image is large (TensorFlow's CUDA libraries): it is checked and unpacked once for all the tests. */
    @BeforeAll
    static void unpack() {
        image = BUILT.openVerified(work);
        rootfs = image.unpack(work.resolve("bundle"));
    }

    @Test
    void theArchiveIsAValidImageOfThisBuild() {
        assertThat(image.reference()).endsWith("/tandem-serving-gpu:" + BUILT.version());
        assertThat(image.labels().get("org.opencontainers.image.description")).contains("CUDA 12");
    }

    @Test
    void itsClassPathHasTensorFlowsCudaBuildInsteadOfTheCpuOne() throws IOException {
        List<String> natives = nativeJars(rootfs.resolve("app/lib/main"));

        assertThat(natives).as("TensorFlow's native jars in lib/main").hasSize(1);
        String gpuJar = natives.getFirst();
        assertThat(gpuJar).endsWith(GPU_NATIVES);
        try (ZipFile jar =
                new ZipFile(rootfs.resolve("app/lib/main").resolve(gpuJar).toFile())) {
            assertThat(jar.getEntry("org/tensorflow/internal/c_api/linux-x86_64-gpu/libjnitensorflow.so"))
                    .isNotNull();
        }
        // Quarkus's class loader finds resources only in the jars its index lists: the swapped jar must be there
        // under its library directory, and the CPU jar gone.
        String index = new String(
                Files.readAllBytes(rootfs.resolve("app/quarkus/quarkus-application.dat")), StandardCharsets.ISO_8859_1);
        assertThat(index)
                .contains("lib/main/" + gpuJar)
                .contains("org/tensorflow/internal/c_api/linux-x86_64-gpu")
                .doesNotContain(CPU_NATIVES);
    }

    @Test
    void itsEntrypointServesOnTheCpuWhereThereIsNoCuda() throws Exception {
        try (Container serving = ServingContainers.startLive(image, rootfs, work.resolve("serving.log"))) {
            assertThat(serving.uid()).as("never root").isEqualTo("10001");
            assertThat(serving.output()).contains("tandem-serving " + BUILT.version());
            // The server loads TensorFlow in the background after it starts; the GPU build's libraries must load
            // here and fall back to the CPU.
            ServingContainers.awaitTensorFlow(serving, Duration.ofMinutes(3));
            assertThat(serving.output())
                    .contains("(linux-x86_64-gpu) devices: CPU:0;")
                    .contains("the GPU build found no GPU")
                    .doesNotContain("cannot load TensorFlow");
            assertThat(serving.process().isAlive()).isTrue();
        }
    }

    private static List<String> nativeJars(Path lib) throws IOException {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.map(jar -> jar.getFileName().toString())
                    .filter(name -> name.startsWith("org.tensorflow.tensorflow-core-native-")
                            && (name.endsWith(CPU_NATIVES) || name.endsWith(GPU_NATIVES)))
                    .toList();
        }
    }
}
