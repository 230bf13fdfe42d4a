/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import dev.tandem.serving.pair.ServableNotFoundException;
import dev.tandem.serving.pair.VersionNotAvailableException;
import dev.tandem.serving.recommend.BadRequestException;
import dev.tandem.serving.recommend.UnknownItemException;
import io.grpc.Status;

/**
 * The serving runtime's failures as gRPC statuses, with the codes TF Serving answers (a bad argument is
 * INVALID_ARGUMENT, an unknown servable NOT_FOUND), and the HTTP status each code stands for in the request
 * metrics, as grpc-gateway maps them.
 */
final class GrpcErrors {

    private GrpcErrors() {}

    static Status status(RuntimeException e) {
        Status.Code code = switch (e) {
            case BadRequestException bad -> Status.Code.INVALID_ARGUMENT;
            case UnknownItemException unknown -> Status.Code.INVALID_ARGUMENT;
            case ServableNotFoundException missing -> Status.Code.NOT_FOUND;
            case VersionNotAvailableException notAvailable -> Status.Code.FAILED_PRECONDITION;
            default -> Status.Code.INTERNAL;
        };
        return code.toStatus().withDescription(e.getMessage());
    }

    static int httpStatus(Status.Code code) {
        return switch (code) {
            case OK -> 200;
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, ABORTED -> 409;
            case RESOURCE_EXHAUSTED -> 429;
            case CANCELLED -> 499;
            case UNIMPLEMENTED -> 501;
            case UNAVAILABLE -> 503;
            case DEADLINE_EXCEEDED -> 504;
            default -> 500;
        };
    }
}
