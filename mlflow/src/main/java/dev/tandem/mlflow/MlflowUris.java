/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;

/** URI and error-shape helpers shared by the MLflow REST and artifact clients. */
final class MlflowUris {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MlflowUris() {}

    static URI withTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    /** MLflow answers errors as {@code {"error_code": ..., "message": ...}}; anything else is kept as text. */
    static MlflowApiException errorOf(String request, int status, String body) {
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.hasNonNull("error_code")) {
                return new MlflowApiException(
                        request,
                        status,
                        error.get("error_code").asText(),
                        error.path("message").asText());
            }
        } catch (IOException notJson) {
            // fall through: an HTML error page or a proxy's reply
        }
        String text = body == null ? "" : body.strip();
        return new MlflowApiException(
                request, status, "HTTP_ERROR", text.length() > 300 ? text.substring(0, 300) : text);
    }
}
