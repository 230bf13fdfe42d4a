/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills container processes a previous node agent left behind (one that was killed itself): their pods are run
 * again from the start, as a kubelet that lost its containers would, so the old processes must not hold their
 * pod's address and ports.
 */
public final class OrphanReaper {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);

    private OrphanReaper() {}

    /** Kills every process named by a pid file under {@code podsDir} that is still the same process. */
    public static int reap(Path podsDir) {
        if (!Files.isDirectory(podsDir)) {
            return 0;
        }
        int killed = 0;
        try (Stream<Path> files =
                Files.find(podsDir, 4, (p, a) -> p.getFileName().toString().equals("pid"))) {
            for (Path pidFile : files.toList()) {
                Optional<ProcessHandle> orphan = read(pidFile);
                if (orphan.isPresent()) {
                    LOG.info(
                            "killing process {} left by an earlier node agent ({})",
                            orphan.get().pid(),
                            pidFile);
                    orphan.get().descendants().forEach(ProcessHandle::destroyForcibly);
                    orphan.get().destroyForcibly();
                    killed++;
                }
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            LOG.warn("cannot look for processes left in {}: {}", podsDir, e.toString());
        }
        return killed;
    }

    private static Optional<ProcessHandle> read(Path pidFile) throws IOException {
        List<String> parts = List.of(Files.readString(pidFile).strip().split("\\s+"));
        if (parts.size() != 2) {
            return Optional.empty();
        }
        long pid;
        long startMillis;
        try {
            pid = Long.parseLong(parts.get(0));
            startMillis = Long.parseLong(parts.get(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info()
                        .startInstant()
                        .map(Instant::toEpochMilli)
                        .map(m -> m == startMillis)
                        .orElse(false));
    }
}
