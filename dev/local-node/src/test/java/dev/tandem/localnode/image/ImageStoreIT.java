/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's images from a real archive of the build (the trainer's, the smallest with an entry point): found by
 * the reference a pod names, unpacked once, and refused when damaged, leaving nothing behind.
 */
class ImageStoreIT {

    @TempDir
    Path dir;

    @Test
    void findsTheBuildsArchiveByReferenceAndUnpacksItOnce() throws IOException {
        ImageArchive built = ImageArchive.read(trainerArchive());
        Path checkout = Files.createDirectories(dir.resolve("checkout/trainer-image/target"))
                .getParent()
                .getParent();
        Files.copy(trainerArchive(), checkout.resolve("trainer-image/target/t.oci.tar"));
        ImageStore store = new ImageStore(checkout, dir.resolve("images"));

        ImageArchive found = store.find(built.reference().toString()).orElseThrow();
        assertThat(store.find(built.reference().name() + "@" + built.manifestDigest()))
                .contains(found);
        assertThat(store.find(built.reference().name() + ":no-such-tag")).isEmpty();

        UnpackedImage image = store.unpack(found);
        assertThat(image.rootfs().resolve("usr/local/bin/tandem-trainer")).isRegularFile();
        assertThat(image.config().user()).isEqualTo("10001:10001");
        assertThat(image.config().entrypoint()).containsExactly("/usr/local/bin/tandem-trainer");
        Path marker = Files.writeString(image.rootfs().resolve("marker"), "unpacked once");
        assertThat(store.unpack(found).rootfs()).isEqualTo(image.rootfs());
        assertThat(marker).hasContent("unpacked once");

        Files.delete(checkout.resolve("trainer-image/target/t.oci.tar"));
        assertThat(store.removeUnused()).isEqualTo(1);
        assertThat(image.rootfs()).doesNotExist();
    }

    @Test
    void aDamagedArchiveIsRefusedAndLeavesNothingUnpacked() throws IOException {
        Path checkout = dir.resolve("checkout");
        Path damaged = Files.createDirectories(checkout.resolve("trainer-image/target"))
                .resolve("t.oci.tar");
        Files.copy(trainerArchive(), damaged);
        // A byte in the middle of the archive is in its biggest layer (the application or the Java runtime).
        try (RandomAccessFile file = new RandomAccessFile(damaged.toFile(), "rw")) {
            long middle = file.length() / 2;
            file.seek(middle);
            int b = file.read();
            file.seek(middle);
            file.write(b ^ 0xff);
        }
        ImageStore store = new ImageStore(checkout, dir.resolve("images"));
        ImageArchive archive =
                store.find(ImageArchive.read(damaged).reference().toString()).orElseThrow();

        assertThatThrownBy(() -> store.unpack(archive))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot unpack")
                .hasMessageContaining("its descriptor says");
        try (Stream<Path> left = Files.list(dir.resolve("images/unpacked"))) {
            assertThat(left).isEmpty();
        }
    }

    private static Path trainerArchive() throws IOException {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path target = d.resolve("trainer-image/target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    return files.filter(f -> f.getFileName().toString().endsWith(".oci.tar"))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException(
                                    "no image archive in " + target + ": build with -Pimages"));
                }
            }
        }
        throw new IllegalStateException(
                "no trainer-image/target above " + Path.of("").toAbsolutePath());
    }
}
