/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.mlflow.MlflowApiException;
import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.mlflow.MlflowRestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The MLflow tracking and registry calls training makes, over the REST API and the artifact proxy:
 * experiments, runs with params/metrics/tags, artifact directories, registered models and versions.
 */
public final class MlflowTracking {

    private final MlflowRestClient rest;
    private final MlflowArtifactProxy artifacts;

    public MlflowTracking(MlflowRestClient rest, MlflowArtifactProxy artifacts) {
        this.rest = rest;
        this.artifacts = artifacts;
    }

    /** A started run. */
    public record Run(String id, String artifactUri) {}

    /** The experiment's id, creating the experiment on first use. */
    public String experimentId(String name) {
        try {
            return rest.get("experiments/get-by-name", Map.of("experiment_name", name))
                    .path("experiment")
                    .path("experiment_id")
                    .asText();
        } catch (MlflowApiException e) {
            if (!"RESOURCE_DOES_NOT_EXIST".equals(e.errorCode())) {
                throw e;
            }
            return rest.post("experiments/create", Map.of("name", name))
                    .path("experiment_id")
                    .asText();
        }
    }

    public Run startRun(String experimentId, String runName, Map<String, String> tags) {
        JsonNode info = rest.post(
                        "runs/create",
                        Map.of(
                                "experiment_id",
                                experimentId,
                                "run_name",
                                runName,
                                "start_time",
                                System.currentTimeMillis(),
                                "tags",
                                keyValues(tags)))
                .path("run")
                .path("info");
        return new Run(info.path("run_id").asText(), info.path("artifact_uri").asText());
    }

    public void logParams(String runId, Map<String, String> params) {
        rest.post("runs/log-batch", Map.of("run_id", runId, "params", keyValues(params)));
    }

    public void logMetric(String runId, String key, double value, int step) {
        rest.post(
                "runs/log-metric",
                Map.of(
                        "run_id", runId,
                        "key", key,
                        "value", value,
                        "timestamp", System.currentTimeMillis(),
                        "step", step));
    }

    public void setRunTag(String runId, String key, String value) {
        rest.post("runs/set-tag", Map.of("run_id", runId, "key", key, "value", value));
    }

    /** Ends the run as FINISHED or FAILED. */
    public void endRun(String runId, boolean succeeded) {
        rest.post(
                "runs/update",
                Map.of(
                        "run_id",
                        runId,
                        "status",
                        succeeded ? "FINISHED" : "FAILED",
                        "end_time",
                        System.currentTimeMillis()));
    }

    /** Uploads every file under {@code directory} to {@code <artifactUri>/<relative path>}. */
    public void uploadDirectory(Path directory, String artifactUri) {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                artifacts.upload(file, artifactUri + "/" + relative);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
    }

    /** Uploads one file to the given artifact URI. */
    public void uploadFile(Path file, String artifactUri) {
        artifacts.upload(file, artifactUri);
    }

    /** Creates the registered model unless it exists. */
    public void ensureRegisteredModel(String name) {
        try {
            rest.post("registered-models/create", Map.of("name", name));
        } catch (MlflowApiException e) {
            if (!"RESOURCE_ALREADY_EXISTS".equals(e.errorCode())) {
                throw e;
            }
        }
    }

    /** Registers a version whose artifacts are at {@code source}; returns the version number. */
    public String createModelVersion(String name, String source, String runId, Map<String, String> tags) {
        return rest.post(
                        "model-versions/create",
                        Map.of("name", name, "source", source, "run_id", runId, "tags", keyValues(tags)))
                .path("model_version")
                .path("version")
                .asText();
    }

    public void setModelVersionTag(String name, String version, String key, String value) {
        rest.post("model-versions/set-tag", Map.of("name", name, "version", version, "key", key, "value", value));
    }

    private static List<Map<String, String>> keyValues(Map<String, String> map) {
        List<Map<String, String>> list = new ArrayList<>();
        map.forEach((k, v) -> list.add(Map.of("key", k, "value", v)));
        return list;
    }
}
