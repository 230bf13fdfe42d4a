/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import dev.tandem.serving.api.grpc.proto.ModelSpec;
import dev.tandem.serving.metrics.ServingMetrics;
import dev.tandem.serving.recommend.BadRequestException;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** What every unary gRPC method does around its answer: error statuses, request metrics, the model spec. */
final class GrpcCalls {

    private static final Logger LOG = Logger.getLogger(GrpcCalls.class);

    private GrpcCalls() {}

    /** Sends the reply, or the status its failure maps to, and counts the request either way. */
    static <T> void answer(ServingMetrics metrics, String route, StreamObserver<T> observer, Supplier<T> reply) {
        T value;
        try {
            value = reply.get();
        } catch (RuntimeException e) {
            Status status = GrpcErrors.status(e);
            if (status.getCode() == Status.Code.INTERNAL) {
                LOG.errorf(e, "%s failed", route);
            }
            metrics.request(route, GrpcErrors.httpStatus(status.getCode()));
            observer.onError(status.asRuntimeException());
            return;
        }
        metrics.request(route, GrpcErrors.httpStatus(Status.Code.OK));
        observer.onNext(value);
        observer.onCompleted();
    }

    /** The servable a request's model spec names; TF Serving refuses a request without one. */
    static ModelRequests.Target target(boolean present, ModelSpec spec) {
        if (!present || spec.getName().isEmpty()) {
            throw new BadRequestException("Missing ModelSpec: the request must name a model");
        }
        OptionalLong version =
                spec.hasVersion() ? OptionalLong.of(spec.getVersion().getValue()) : OptionalLong.empty();
        Optional<String> label = spec.getVersionChoiceCase() == ModelSpec.VersionChoiceCase.VERSION_LABEL
                ? Optional.of(spec.getVersionLabel())
                : Optional.empty();
        return new ModelRequests.Target(spec.getName(), version, label);
    }
}
