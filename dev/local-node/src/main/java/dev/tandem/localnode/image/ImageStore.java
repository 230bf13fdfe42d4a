/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.testing.image.OciImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images the node has: the {@code oci-archive}s the checkout's build made ({@code <module>/target/*.oci.tar},
 * {@code ./mvnw package -Pimages}) and those loaded with {@code dev/node load} — the node pulls from no registry, as
 * a kind node runs what {@code kind load image-archive} gave it. An image is unpacked once per manifest digest,
 * after every blob is checked against its digest, so a damaged archive never runs.
 */
public final class ImageStore {

    private static final Logger LOG = LoggerFactory.getLogger(ImageStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PathMatcher ARCHIVE = FileSystems.getDefault().getPathMatcher("glob:*.oci.tar");
    private static final String CONFIG_FILE = "image-config.json";
    private static final String REFERENCE_FILE = "reference";

    private final Path checkout;
    private final Path loadedDir;
    private final Path unpackedDir;
    private final Map<Path, Cached> archives = new ConcurrentHashMap<>();
    private final Map<String, Object> unpacking = new ConcurrentHashMap<>();

    private record Cached(long size, FileTime modified, Optional<ImageArchive> archive) {}

    /**
     * @param checkout the Tandem checkout whose modules' {@code target/} directories hold built archives
     * @param imagesDir the node's image directory: {@code loaded/} holds loaded archives, {@code unpacked/} the
     *     unpacked images
     */
    public ImageStore(Path checkout, Path imagesDir) {
        this.checkout = checkout;
        this.loadedDir = imagesDir.resolve("loaded");
        this.unpackedDir = imagesDir.resolve("unpacked");
    }

    /** The loaded archives' directory, where {@code dev/node load} puts them. */
    public Path loadedDir() {
        return loadedDir;
    }

    /** The newest archive that holds the image a container names. */
    public Optional<ImageArchive> find(String reference) {
        ImageReference wanted = ImageReference.parse(reference);
        return available().stream()
                .filter(a -> wanted.matches(a.reference(), a.manifestDigest()))
                .max(Comparator.comparing(a -> modified(a.file())));
    }

    /** Every image the node can run, for messages. */
    public List<String> names() {
        return available().stream()
                .map(a -> a.reference().toString())
                .distinct()
                .sorted()
                .toList();
    }

    /** The archive's image, unpacked now unless it already is; concurrent calls for one image unpack it once. */
    public UnpackedImage unpack(ImageArchive archive) throws IOException {
        String hex = hex(archive.manifestDigest());
        synchronized (unpacking.computeIfAbsent(hex, h -> new Object())) {
            Path dir = unpackedDir.resolve(hex);
            if (!Files.isDirectory(dir)) {
                unpackInto(archive, dir);
            }
            return new UnpackedImage(
                    archive.reference(),
                    archive.manifestDigest(),
                    dir.resolve("rootfs"),
                    ImageConfig.of(JSON.readTree(dir.resolve(CONFIG_FILE).toFile())));
        }
    }

    /**
     * Removes the unpacked images that no archive holds any more (the build made newer ones). Called before any
     * container runs, so none of them is in use.
     *
     * @return how many were removed
     */
    public int removeUnused() throws IOException {
        if (!Files.isDirectory(unpackedDir)) {
            return 0;
        }
        Set<String> wanted =
                available().stream().map(a -> hex(a.manifestDigest())).collect(Collectors.toSet());
        int removed = 0;
        try (Stream<Path> dirs = Files.list(unpackedDir)) {
            for (Path dir : dirs.toList()) {
                if (!wanted.contains(dir.getFileName().toString())) {
                    deleteTree(dir);
                    removed++;
                }
            }
        }
        return removed;
    }

    private void unpackInto(ImageArchive archive, Path dir) throws IOException {
        long start = System.nanoTime();
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial);
        try {
            OciImage image = OciImage.fromArchive(archive.file(), partial.resolve("work"));
            String digest = image.manifestDigest();
            if (!digest.equals(archive.manifestDigest())) {
                throw new IOException(archive.file() + " changed while it was read (its manifest is now " + digest
                        + ", was " + archive.manifestDigest() + ")");
            }
            image.verifyLayers();
            image.unpack(partial.resolve("bundle"));
            Files.move(partial.resolve("bundle/rootfs"), partial.resolve("rootfs"));
            JSON.writeValue(partial.resolve(CONFIG_FILE).toFile(), image.config());
            Files.writeString(partial.resolve(REFERENCE_FILE), archive.reference() + System.lineSeparator());
            deleteTree(partial.resolve("work"));
            deleteTree(partial.resolve("bundle"));
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (RuntimeException e) {
            deleteTree(partial);
            throw new IOException(
                    "cannot unpack " + archive.reference() + " from " + archive.file() + ": " + e.getMessage(), e);
        }
        LOG.info(
                "unpacked {} ({}) from {} in {} ms",
                archive.reference(),
                archive.manifestDigest(),
                archive.file(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private List<ImageArchive> available() {
        List<ImageArchive> found = new ArrayList<>();
        for (Path file : archiveFiles()) {
            archive(file).ifPresent(found::add);
        }
        return found;
    }

    private List<Path> archiveFiles() {
        List<Path> files = new ArrayList<>(list(loadedDir));
        try (Stream<Path> modules = Files.list(checkout)) {
            for (Path module : modules.toList()) {
                files.addAll(list(module.resolve("target")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + checkout, e);
        }
        return files;
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> ARCHIVE.matches(f.getFileName()) && Files.isRegularFile(f))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    // index.json is read again only when the archive changed: the build rewrites it in place.
    private Optional<ImageArchive> archive(Path file) {
        try {
            long size = Files.size(file);
            FileTime modified = Files.getLastModifiedTime(file);
            Cached cached = archives.get(file);
            if (cached != null && cached.size() == size && cached.modified().equals(modified)) {
                return cached.archive();
            }
            Optional<ImageArchive> read;
            try {
                read = Optional.of(ImageArchive.read(file));
            } catch (IOException e) {
                LOG.warn("ignoring {}: {}", file, e.getMessage());
                read = Optional.empty();
            }
            archives.put(file, new Cached(size, modified, read));
            return read;
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String hex(String digest) {
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        return digest.substring("sha256:".length());
    }

    // An unpacked root filesystem holds symbolic links and read-only directories: delete without following links.
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
