/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Registers scrape targets with the local Prometheus through file-based service discovery: each
 * target is a JSON file in the watched directory, so Prometheus picks it up within seconds and drops
 * it when the file goes.
 */
public final class PrometheusTargets {

    private static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_-]*");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    PrometheusTargets(Path directory) {
        this.directory = directory;
    }

    /**
     * Asks Prometheus to scrape {@code host:port} under the given job label.
     *
     * @param job the {@code job} label of the scraped series; letters, digits, {@code _} and {@code -}
     * @param hostPort address of the target, e.g. {@code 127.0.0.1:8080}
     * @param metricsPath HTTP path of the metrics endpoint, e.g. {@code /q/metrics}
     * @return a registration whose {@code close()} removes the target
     */
    public Registration register(String job, String hostPort, String metricsPath) {
        return register(job, hostPort, metricsPath, Map.of());
    }

    /**
     * Asks Prometheus to scrape {@code host:port} under the given job label, with more target labels on its series,
     * as Kubernetes service discovery would put them there (e.g. {@code namespace} and {@code pod}).
     *
     * @param labels target labels; names as Prometheus allows them ({@code [a-zA-Z_][a-zA-Z0-9_]*})
     */
    public Registration register(String job, String hostPort, String metricsPath, Map<String, String> labels) {
        if (!JOB_NAME.matcher(job).matches()) {
            throw new IllegalArgumentException("job label must match " + JOB_NAME + ": " + job);
        }
        Map<String, String> all = new TreeMap<>(labels);
        all.put("job", job);
        all.put("__metrics_path__", metricsPath);
        String json;
        try {
            json = JSON.writeValueAsString(List.of(Map.of("targets", List.of(hostPort), "labels", all)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        Path file = directory.resolve(job + ".json");
        Path scratch = directory.resolve("." + job + ".json.tmp");
        try {
            Files.createDirectories(directory);
            // Prometheus watches the directory: the file must appear whole, never half-written.
            Files.writeString(scratch, json);
            Files.move(scratch, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Prometheus target file " + file, e);
        }
        return new Registration(file);
    }

    /** One registered target; closing it unregisters the target. */
    public static final class Registration implements AutoCloseable {
        private final Path file;

        private Registration(Path file) {
            this.file = file;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove Prometheus target file " + file, e);
            }
        }
    }
}
