/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Little-endian int64 / float32 arrays as plain files, the layout numpy's {@code fromfile} reads. */
final class RawArrays {

    private static final int CHUNK = 1 << 20;

    private RawArrays() {}

    static void writeLongs(Path file, long[] values) throws IOException {
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (long value : values) {
                if (buffer.remaining() < Long.BYTES) {
                    drain(out, buffer);
                }
                buffer.putLong(value);
            }
            drain(out, buffer);
        }
    }

    static void writeFloats(Path file, float[] values) throws IOException {
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (float value : values) {
                if (buffer.remaining() < Float.BYTES) {
                    drain(out, buffer);
                }
                buffer.putFloat(value);
            }
            drain(out, buffer);
        }
    }

    static long[] readLongs(Path file, int count) throws IOException {
        long[] values = new long[count];
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            int i = 0;
            while (i < count) {
                fill(in, buffer, Math.min(CHUNK / Long.BYTES, count - i) * Long.BYTES);
                while (buffer.hasRemaining()) {
                    values[i++] = buffer.getLong();
                }
            }
        }
        return values;
    }

    static float[] readFloats(Path file, int count) throws IOException {
        float[] values = new float[count];
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            int i = 0;
            while (i < count) {
                fill(in, buffer, Math.min(CHUNK / Float.BYTES, count - i) * Float.BYTES);
                while (buffer.hasRemaining()) {
                    values[i++] = buffer.getFloat();
                }
            }
        }
        return values;
    }

    private static void drain(FileChannel out, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    private static void fill(FileChannel in, ByteBuffer buffer, int bytes) throws IOException {
        buffer.clear().limit(bytes);
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        buffer.flip();
    }
}
