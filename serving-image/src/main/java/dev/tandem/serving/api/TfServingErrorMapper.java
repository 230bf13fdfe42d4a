/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Answers every HTTP-level failure of the REST API in TF Serving's error shape, {@code {"error": "..."}},
 * with the original status, so clients written for TF Serving parse Tandem's errors unchanged.
 */
@Provider
public class TfServingErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Context
    jakarta.ws.rs.core.Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        // TF Serving's wording for a path it has no route for.
        String message = exception instanceof NotFoundException
                ? "Malformed request: " + request.getMethod() + " /"
                        + uriInfo.getPath().replaceFirst("^/", "")
                : exception.getMessage();
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", message))
                .build();
    }
}
