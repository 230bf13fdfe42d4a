/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import dev.tandem.serving.pair.PairLoadException;
import dev.tandem.serving.pair.ServableNotFoundException;
import dev.tandem.serving.pair.VersionNotAvailableException;
import dev.tandem.serving.recommend.BadRequestException;
import dev.tandem.serving.recommend.UnknownItemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The serving runtime's own failures as HTTP statuses with TF Serving's {@code {"error": ...}} body. */
public class ServingExceptionMappers {

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return error(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyTooLargeException e) {
        return error(413, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(ServableNotFoundException e) {
        return error(404, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknownItem(UnknownItemException e) {
        return error(404, e.getMessage());
    }

    @ServerExceptionMapper
    public Response loadFailed(PairLoadException e) {
        int status = switch (e.code()) {
            case "NOT_FOUND" -> 404;
            case "ALREADY_EXISTS" -> 409;
            case "FAILED_PRECONDITION" -> 412;
            case "UNAVAILABLE" -> 503;
            default -> 500;
        };
        return error(status, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notAvailable(VersionNotAvailableException e) {
        return error(409, e.getMessage());
    }

    static Response error(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", message == null ? "" : message))
                .build();
    }
}
