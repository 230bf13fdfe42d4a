/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import io.quarkus.bootstrap.runner.SerializedApplication;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replaces one jar of a Quarkus fast-jar application ({@code quarkus-app/}) with another and writes its class-path
 * index ({@code quarkus/quarkus-application.dat}) again. Quarkus's class loader looks a resource up only in the jars
 * the index lists under the resource's directory, so a jar swapped without a new index is never read, and the
 * removed one is still looked for.
 *
 * <pre>
 *   java -cp APP/lib/boot/io.quarkus.quarkus-bootstrap-runner-*.jar dev/lib/FastJarSwap.java APP lib/main/OLD.jar NEW.jar
 * </pre>
 *
 * <p>The index is written by the application's own Quarkus (the bootstrap runner it ships), from the inputs Quarkus's
 * fast-jar build gives it: its bytecode jars, the application jar, then lib/main sorted by name, with lib/boot's
 * packages parent-first. The format has no
 * compatibility promise beyond one Quarkus version, so before changing anything the index of the application as it
 * is gets written the same way and compared byte for byte with the build's: a Quarkus that builds its index from
 * other inputs fails here, not in a pod that cannot find its classes. APP is changed in place; its files are
 * replaced (removed and written anew), never written through, so APP may be a hard-linked copy of the build.
 */
class FastJarSwap {

    private static final String INDEX = "quarkus/quarkus-application.dat";
    /** Looked up by MicroProfile Config in every jar; Quarkus's build marks it absent when no jar has it. */
    private static final String MP_CONFIG = "META-INF/microprofile-config.properties";

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: FastJarSwap APP_DIR lib/main/OLD.jar NEW.jar");
            System.exit(2);
        }
        Path app = Path.of(args[0]).toAbsolutePath();
        Path removed = app.resolve(args[1]);
        Path added = Path.of(args[2]).toAbsolutePath();
        Path index = app.resolve(INDEX);
        if (!Files.isRegularFile(removed)) {
            throw new IllegalArgumentException(removed + " is not in the application");
        }

        byte[] built = Files.readAllBytes(index);
        byte[] rewritten = index(app, mainClass(built));
        if (!Arrays.equals(built, rewritten)) {
            throw new IllegalStateException(index + " is not what this Quarkus writes for " + app
                    + "'s jars (" + built.length + " bytes, rewritten " + rewritten.length
                    + "): its fast-jar layout changed, so a jar cannot be swapped safely");
        }

        Path copy = removed.resolveSibling(added.getFileName());
        Files.delete(removed);
        Files.copy(added, copy, StandardCopyOption.COPY_ATTRIBUTES);
        Path next = index.resolveSibling(index.getFileName() + ".next");
        Files.write(next, index(app, mainClass(built)));
        Files.delete(index);
        Files.move(next, index);
        System.err.println("FastJarSwap: " + app.relativize(removed) + " -> " + app.relativize(copy) + ", "
                + INDEX + " rewritten");
    }

    /** The index Quarkus's fast-jar build writes for the application's jars as they are now. */
    private static byte[] index(Path app, String mainClass) throws IOException {
        List<Path> jars = new ArrayList<>();
        Path transformed = app.resolve("quarkus/transformed-bytecode.jar");
        if (Files.exists(transformed)) {
            jars.add(transformed);
        }
        jars.add(app.resolve("quarkus/generated-bytecode.jar"));
        jars.addAll(sortedJars(app.resolve("app")));
        jars.addAll(sortedJars(app.resolve("lib/main")));
        List<String> absent = new ArrayList<>();
        if (jars.stream().noneMatch(jar -> contains(jar, MP_CONFIG))) {
            absent.add(MP_CONFIG);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // lib/boot is the JVM's own class path (quarkus-run.jar's manifest): its packages are parent-first.
        SerializedApplication.write(out, mainClass, app, jars, sortedJars(app.resolve("lib/boot")), absent);
        return out.toByteArray();
    }

    private static List<Path> sortedJars(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }

    private static boolean contains(Path jar, String entry) {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.getEntry(entry) != null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The main class the index names (after its magic number and format version). */
    private static String mainClass(byte[] index) throws IOException {
        try (InputStream in = new java.io.ByteArrayInputStream(index);
                DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readInt();
            return data.readUTF();
        }
    }
}
