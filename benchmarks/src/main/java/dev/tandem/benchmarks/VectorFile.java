/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A row-major matrix on disk: two little-endian int32 (rows, columns), then the values as little-endian
 * float32 or int32. numpy reads one with {@code np.fromfile(path, '<i4', 2)} and {@code np.fromfile(path, '<f4',
 * offset=8)}, which is how the hnswlib script gets the very vectors Tandem indexes.
 */
final class VectorFile {

    private static final int HEADER = 8;

    private VectorFile() {}

    /** A float matrix and its shape. */
    record Floats(float[] values, int rows, int columns) {}

    static void writeFloats(Path file, float[] values, int rows, int columns) throws IOException {
        ByteBuffer body = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, 4L * values.length))
                .order(ByteOrder.LITTLE_ENDIAN);
        // Written to a sibling and moved, so a run killed halfway never leaves a truncated cache behind.
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.createDirectories(file.getParent());
        try (FileChannel out = FileChannel.open(
                partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            writeHeader(out, rows, columns);
            int i = 0;
            while (i < values.length) {
                body.clear();
                while (i < values.length && body.remaining() >= 4) {
                    body.putFloat(values[i++]);
                }
                body.flip();
                writeFully(out, body);
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void writeInts(Path file, int[][] rows) throws IOException {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer body = ByteBuffer.allocate(4 * rows.length * columns).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] row : rows) {
            if (row.length != columns) {
                throw new IllegalArgumentException("ragged rows: " + row.length + " vs " + columns);
            }
            for (int v : row) {
                body.putInt(v);
            }
        }
        body.flip();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.createDirectories(file.getParent());
        try (FileChannel out = FileChannel.open(
                partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            writeHeader(out, rows.length, columns);
            writeFully(out, body);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Floats readFloats(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            int[] shape = readHeader(in, file);
            float[] values = new float[Math.multiplyExact(shape[0], shape[1])];
            ByteBuffer body = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            int i = 0;
            while (i < values.length) {
                body.clear();
                body.limit((int) Math.min(body.capacity(), 4L * (values.length - i)));
                readFully(in, body, file);
                body.flip();
                body.asFloatBuffer().get(values, i, body.remaining() / 4);
                i += body.remaining() / 4;
            }
            return new Floats(values, shape[0], shape[1]);
        }
    }

    static int[][] readInts(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            int[] shape = readHeader(in, file);
            ByteBuffer body = ByteBuffer.allocate(4 * shape[0] * shape[1]).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, body, file);
            body.flip();
            int[][] rows = new int[shape[0]][shape[1]];
            for (int[] row : rows) {
                body.asIntBuffer().get(row);
                body.position(body.position() + 4 * row.length);
            }
            return rows;
        }
    }

    private static void writeHeader(FileChannel out, int rows, int columns) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(rows).putInt(columns).flip();
        writeFully(out, header);
    }

    private static int[] readHeader(FileChannel in, Path file) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        readFully(in, header, file);
        header.flip();
        int rows = header.getInt();
        int columns = header.getInt();
        long expected = HEADER + 4L * rows * columns;
        if (rows < 0 || columns < 0 || in.size() != expected) {
            throw new IOException(file + " holds " + in.size() + " bytes, its header (" + rows + " × " + columns
                    + ") says " + expected);
        }
        return new int[] {rows, columns};
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static void readFully(FileChannel in, ByteBuffer buffer, Path file) throws IOException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                throw new IOException(file + " ends early");
            }
        }
    }
}
