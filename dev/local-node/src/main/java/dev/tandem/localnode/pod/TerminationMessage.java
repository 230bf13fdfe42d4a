/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A container's termination message, read as a kubelet reads it when the container has exited: the end of the file
 * at the container's {@code terminationMessagePath} (its last 4096 bytes); with {@code terminationMessagePolicy:
 * FallbackToLogsOnError}, a run that exited non-zero and left that file empty (or removed it) gets the end of its
 * own output instead (of its last 80 lines, the last 2048 bytes).
 *
 * <p>A process has no mount namespace in which that path could be a file of its own: each container gets a file in
 * its directory ({@link PodDirectory#terminationMessageFile}), emptied before every run, and the path is rewritten
 * to it wherever it appears in arguments and environment values, as volume mount paths are.
 */
final class TerminationMessage {

    /** Where a container's termination message is unless it says otherwise (the API server's default too). */
    static final String DEFAULT_PATH = "/dev/termination-log";
    /** The policy that falls back to the log when a failed container wrote no message. */
    static final String FALLBACK_TO_LOGS_ON_ERROR = "FallbackToLogsOnError";
    /** The most of the file that counts: its last bytes. */
    static final int MAX_FILE_BYTES = 4096;
    /** The most lines of the log that count in the fallback. */
    static final int MAX_LOG_LINES = 80;
    /** The most bytes of those lines that count: the last ones. */
    static final int MAX_LOG_BYTES = 2048;

    private TerminationMessage() {}

    /** The container path the container writes its message to. */
    static String path(Container container) {
        String path = container.getTerminationMessagePath();
        return path == null || path.isEmpty() ? DEFAULT_PATH : path;
    }

    /**
     * The message of a run that has exited; empty when there is none.
     *
     * @param file the host file the container's {@linkplain #path path} was mapped to
     * @param log the container's log
     * @param outputStart where this run's output begins in the log (earlier runs' output and the line the node writes
     *     before starting a run come before it)
     */
    static Optional<String> read(Container container, int exitCode, Path file, Path log, long outputStart) {
        boolean fallBackToLogs =
                FALLBACK_TO_LOGS_ON_ERROR.equals(container.getTerminationMessagePolicy()) && exitCode != 0;
        String message;
        try {
            message = decode(tail(file, 0, MAX_FILE_BYTES));
        } catch (NoSuchFileException e) {
            message = "";
        } catch (IOException e) {
            return Optional.of("cannot read the termination message file " + file + ": " + e.getMessage());
        }
        if (message.isEmpty() && fallBackToLogs) {
            try {
                message = decode(lastLines(tail(log, outputStart, MAX_LOG_BYTES), MAX_LOG_LINES));
            } catch (IOException e) {
                return Optional.of("cannot read the container's log " + log + ": " + e.getMessage());
            }
        }
        return message.isEmpty() ? Optional.empty() : Optional.of(message);
    }

    /** The last {@code max} bytes of the file, none of them before {@code from}. */
    private static byte[] tail(Path path, long from, int max) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(path)) {
            long end = channel.size();
            long start = Math.max(from, end - max);
            if (start >= end) {
                return new byte[0];
            }
            channel.position(start);
            return Channels.newInputStream(channel).readNBytes((int) (end - start));
        }
    }

    /**
     * The last {@code lines} lines: what follows the {@code lines + 1}-th newline from the end (a last line without
     * its newline is part of them, as in {@code kubectl logs --tail}).
     */
    private static byte[] lastLines(byte[] bytes, int lines) {
        int newlines = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n' && ++newlines > lines) {
                byte[] kept = new byte[bytes.length - i - 1];
                System.arraycopy(bytes, i + 1, kept, 0, kept.length);
                return kept;
            }
        }
        return bytes;
    }

    /** UTF-8; a character cut by the byte limit becomes U+FFFD, as the API server's JSON would make it. */
    private static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
