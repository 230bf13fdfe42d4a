/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import dev.tandem.serving.api.grpc.proto.GetModelStatusRequest;
import dev.tandem.serving.api.grpc.proto.GetModelStatusResponse;
import dev.tandem.serving.api.grpc.proto.ModelServiceGrpc;
import dev.tandem.serving.api.grpc.proto.ModelVersionStatus;
import dev.tandem.serving.api.grpc.proto.StatusProto;
import dev.tandem.serving.metrics.ServingMetrics;
import dev.tandem.serving.pair.VersionStatus;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;

/**
 * TF Serving's {@code tensorflow.serving.ModelService} over gRPC: GetModelStatus. Loading and unloading go
 * through the admin API instead of HandleReloadConfigRequest, which answers UNIMPLEMENTED.
 */
@GrpcService
@Blocking
public class GrpcModelService extends ModelServiceGrpc.ModelServiceImplBase {

    @Inject
    ModelRequests requests;

    @Inject
    ServingMetrics metrics;

    @Override
    public void getModelStatus(GetModelStatusRequest request, StreamObserver<GetModelStatusResponse> response) {
        GrpcCalls.answer(metrics, "grpc.status", response, () -> {
            ModelRequests.Target target = GrpcCalls.target(request.hasModelSpec(), request.getModelSpec());
            GetModelStatusResponse.Builder out = GetModelStatusResponse.newBuilder();
            for (VersionStatus s : requests.status(target)) {
                out.addModelVersionStatus(ModelVersionStatus.newBuilder()
                        .setVersion(s.version())
                        .setState(ModelVersionStatus.State.valueOf(s.state().name()))
                        .setStatus(StatusProto.newBuilder()
                                .setErrorCode(errorCode(s.errorCode()))
                                .setErrorMessage(s.errorMessage())));
            }
            return out.build();
        });
    }

    // TF Serving's error codes are tensorflow.error.Code, whose numbers are gRPC's.
    private static int errorCode(String name) {
        try {
            return Status.Code.valueOf(name).value();
        } catch (IllegalArgumentException unknown) {
            return Status.Code.UNKNOWN.value();
        }
    }
}
