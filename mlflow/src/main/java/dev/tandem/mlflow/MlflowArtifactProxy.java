/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves artifacts through an MLflow server's artifact proxy ({@code mlflow server --serve-artifacts}) over
 * plain HTTP, so neither Python nor object-store credentials are needed on the client. Runs of such a
 * server have artifact URIs of the form {@code mlflow-artifacts:/<experiment>/<run>/artifacts}.
 */
public final class MlflowArtifactProxy {

    private static final String SCHEME = "mlflow-artifacts";
    private static final String PROXY_PATH = "api/2.0/mlflow-artifacts/artifacts/";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file or directory directly under a listed artifact directory. */
    public record Entry(String path, boolean directory, long sizeBytes) {}

    private final URI trackingUri;
    private final HttpClient http;

    /** @param trackingUri base URL of the tracking server that proxies the artifacts */
    public MlflowArtifactProxy(URI trackingUri, HttpClient http) {
        this.trackingUri = MlflowUris.withTrailingSlash(trackingUri);
        this.http = http;
    }

    /**
     * The HTTP URL the proxy serves an artifact at. {@code mlflow-artifacts:/a/b} resolves against this
     * client's tracking server; {@code mlflow-artifacts://host:port/a/b} names its server itself.
     *
     * @throws IllegalArgumentException for other schemes (say {@code s3://}) or paths that climb with {@code ..}
     */
    public URI proxyUrl(String artifactUri) {
        URI uri = parse(artifactUri);
        return serverOf(uri).resolve(PROXY_PATH + encodedPath(uri.getPath()));
    }

    private URI parse(String artifactUri) {
        URI uri = URI.create(artifactUri);
        if (!SCHEME.equals(uri.getScheme())) {
            throw new IllegalArgumentException("only " + SCHEME + ": URIs go through the artifact proxy, not "
                    + artifactUri + "; start the MLflow server with --serve-artifacts");
        }
        return uri;
    }

    private URI serverOf(URI artifactUri) {
        return artifactUri.getRawAuthority() == null
                ? trackingUri
                : URI.create(trackingUri.getScheme() + "://" + artifactUri.getRawAuthority() + "/");
    }

    /** Uploads a local file to the given artifact URI (the file's own URI, not its directory's). */
    public void upload(Path file, String artifactUri) {
        URI url = proxyUrl(artifactUri);
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw MlflowUris.errorOf("PUT " + artifactUri, response.statusCode(), response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot upload " + file + " to " + artifactUri, e);
        }
    }

    /**
     * Downloads one artifact file. The target appears only when the download is complete, so a reader
     * never sees half a file.
     */
    public void download(String artifactUri, Path target) {
        URI url = proxyUrl(artifactUri);
        Path dir = target.toAbsolutePath().getParent();
        Path partial = null;
        try {
            Files.createDirectories(dir);
            partial = Files.createTempFile(dir, "." + target.getFileName(), ".partial");
            HttpResponse<Path> response = send(
                    HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw MlflowUris.errorOf("GET " + artifactUri, response.statusCode(), Files.readString(partial));
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + artifactUri + " to " + target, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Downloads an artifact directory with everything under it into {@code target}. */
    public void downloadDirectory(String artifactDirUri, Path target) {
        String base = artifactDirUri.replaceAll("/+$", "");
        for (Entry entry : list(base)) {
            String name = entry.path().substring(entry.path().lastIndexOf('/') + 1);
            if (entry.directory()) {
                downloadDirectory(base + "/" + name, target.resolve(name));
            } else {
                download(base + "/" + name, target.resolve(name));
            }
        }
    }

    /** Lists the entries directly under an artifact directory. */
    public List<Entry> list(String artifactDirUri) {
        URI dir = parse(artifactDirUri);
        String relative = encodedPath(dir.getPath());
        URI url = serverOf(dir).resolve("api/2.0/mlflow-artifacts/artifacts?path=" + relative);
        HttpResponse<String> response;
        try {
            response = send(
                    HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + artifactDirUri, e);
        }
        if (response.statusCode() != 200) {
            throw MlflowUris.errorOf("GET " + artifactDirUri, response.statusCode(), response.body());
        }
        List<Entry> entries = new ArrayList<>();
        try {
            for (JsonNode file : JSON.readTree(response.body()).path("files")) {
                entries.add(new Entry(
                        file.path("path").asText(),
                        file.path("is_dir").asBoolean(false),
                        file.path("file_size").asLong(0)));
            }
        } catch (IOException e) {
            throw new MlflowApiException("GET " + artifactDirUri, 200, "MALFORMED_RESPONSE", response.body());
        }
        return entries;
    }

    /**
     * Deletes an artifact file, or a directory with everything under it. Deleting what is not there succeeds, as
     * MLflow's proxy answers, so a retried clean-up is harmless.
     */
    public void delete(String artifactUri) {
        URI url = proxyUrl(artifactUri);
        HttpResponse<String> response;
        try {
            response = send(
                    HttpRequest.newBuilder(url).timeout(TIMEOUT).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + artifactUri, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw MlflowUris.errorOf("DELETE " + artifactUri, response.statusCode(), response.body());
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static String encodedPath(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : stripSlashes(path).split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new IllegalArgumentException("artifact path must not climb with '..': " + path);
            }
            segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return String.join("/", segments);
    }

    private static String stripSlashes(String path) {
        return path == null ? "" : path.replaceAll("^/+|/+$", "");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort: a leftover .partial file is hidden and harmless
            }
        }
    }
}
