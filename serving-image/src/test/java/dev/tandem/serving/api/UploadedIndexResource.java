/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.mlflow.ModelRegistry;
import dev.tandem.mlflow.ModelVersion;
import dev.tandem.serving.cli.ServingCli;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine;

/**
 * Version 1 of the trained model served with a prebuilt index: {@code build-index --upload} puts it into the
 * version's run artifacts in the real MLflow, and the packaged server starts with {@code tandem.index} naming that
 * artifact URI (what {@code TANDEM_INDEX} sets in a pod) and its own empty download cache.
 */
public class UploadedIndexResource extends TrainedModelResource {

    /** Probe user vectors build-index measured on; the server's probe of the same count is comparable. */
    static final int PROBE_QUERIES = 1000;

    static volatile String indexUri;
    static volatile JsonNode summary;
    static volatile Path serverCache;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        LocalPlatform platform = LocalPlatformExtension.platform();
        ModelVersion v1 = new ModelRegistry(new MlflowRestClient(platform.mlflowUrl(), HttpClient.newHttpClient()))
                .version(trained.name(), "1");
        String id = UUID.randomUUID().toString().substring(0, 8);
        indexUri = v1.source().substring(0, v1.source().lastIndexOf('/')) + "/indexes/probe-" + id;
        Path summaryFile = dir.resolve("summary-" + id + ".json");
        StringWriter out = new StringWriter();
        CommandLine cli = ServingCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute(
                "build-index",
                "--bundle",
                trained.uri(1),
                "--mlflow",
                platform.mlflowUrl().toString(),
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--out",
                dir.resolve("index-" + id).toString(),
                "--probe-queries",
                Integer.toString(PROBE_QUERIES),
                "--upload",
                indexUri,
                "--summary",
                summaryFile.toString());
        if (exit != 0) {
            throw new IllegalStateException("build-index --upload failed (exit " + exit + "): " + out);
        }
        try {
            summary = new ObjectMapper().readTree(Files.readString(summaryFile));
            serverCache = Files.createDirectories(dir.resolve("server-cache-" + id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("tandem.index", indexUri);
        config.put("tandem.cache-dir", serverCache.toString());
        return config;
    }
}
