/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import com.google.protobuf.Any;
import com.google.protobuf.Int64Value;
import dev.tandem.serving.api.grpc.proto.DataType;
import dev.tandem.serving.api.grpc.proto.GetModelMetadataRequest;
import dev.tandem.serving.api.grpc.proto.GetModelMetadataResponse;
import dev.tandem.serving.api.grpc.proto.ModelSpec;
import dev.tandem.serving.api.grpc.proto.PredictRequest;
import dev.tandem.serving.api.grpc.proto.PredictResponse;
import dev.tandem.serving.api.grpc.proto.PredictionServiceGrpc;
import dev.tandem.serving.api.grpc.proto.SignatureDef;
import dev.tandem.serving.api.grpc.proto.SignatureDefMap;
import dev.tandem.serving.api.grpc.proto.TensorInfo;
import dev.tandem.serving.metrics.ServingMetrics;
import dev.tandem.serving.metrics.Stage;
import dev.tandem.serving.recommend.BadRequestException;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.util.List;

/**
 * TF Serving's {@code tensorflow.serving.PredictionService} over gRPC: Predict and GetModelMetadata. The
 * other methods of TF Serving's service (Classify, Regress, MultiInference) answer UNIMPLEMENTED.
 */
@GrpcService
@Blocking
public class GrpcPredictionService extends PredictionServiceGrpc.PredictionServiceImplBase {

    /** The only metadata field TF Serving defines. */
    static final String SIGNATURE_DEF = "signature_def";

    @Inject
    ModelRequests requests;

    @Inject
    ServingMetrics metrics;

    @Override
    public void predict(PredictRequest request, StreamObserver<PredictResponse> response) {
        long start = System.nanoTime();
        GrpcCalls.answer(metrics, "grpc.predict", response, () -> {
            try {
                ModelRequests.Target target = GrpcCalls.target(request.hasModelSpec(), request.getModelSpec());
                String signatureName = request.getModelSpec().getSignatureName();
                Signature signature = Signature.named(signatureName)
                        .orElseThrow(() -> new BadRequestException("Serving signature name: \"" + signatureName
                                + "\" not found in signature def; the signatures are serving_default and "
                                + "similar_items"));
                List<PredictRequestParser.Example> examples = TensorInputs.examples(signature, request.getInputsMap());
                ModelRequests.Answer answer = requests.predict(target, signature, examples);
                return PredictResponse.newBuilder()
                        .setModelSpec(ModelSpec.newBuilder()
                                .setName(target.name())
                                .setVersion(Int64Value.of(answer.version()))
                                .setSignatureName(signature.signatureName()))
                        .putAllOutputs(TensorOutputs.of(answer.recommendations(), request.getOutputFilterList()))
                        .build();
            } finally {
                metrics.stage(Stage.TOTAL, System.nanoTime() - start);
            }
        });
    }

    @Override
    public void getModelMetadata(GetModelMetadataRequest request, StreamObserver<GetModelMetadataResponse> response) {
        GrpcCalls.answer(metrics, "grpc.metadata", response, () -> {
            ModelRequests.Target target = GrpcCalls.target(request.hasModelSpec(), request.getModelSpec());
            if (request.getMetadataFieldCount() == 0) {
                throw new BadRequestException(
                        "GetModelMetadataRequest must specify at least one metadata_field (signature_def)");
            }
            for (String field : request.getMetadataFieldList()) {
                if (!field.equals(SIGNATURE_DEF)) {
                    throw new BadRequestException(
                            "Metadata field " + field + " is not supported; the only field is " + SIGNATURE_DEF);
                }
            }
            long version = requests.metadataVersion(target);
            return GetModelMetadataResponse.newBuilder()
                    .setModelSpec(ModelSpec.newBuilder()
                            .setName(target.name())
                            .setVersion(Int64Value.of(version))
                            .setSignatureName(request.getModelSpec().getSignatureName()))
                    .putMetadata(SIGNATURE_DEF, Any.pack(signatureDefs()))
                    .build();
        });
    }

    /** The signatures in TF Serving's SignatureDefMap, the same ones the REST metadata lists. */
    static SignatureDefMap signatureDefs() {
        SignatureDefMap.Builder map = SignatureDefMap.newBuilder();
        for (Signature signature : Signature.values()) {
            SignatureDef.Builder def = SignatureDef.newBuilder().setMethodName("tensorflow/serving/predict");
            signature.inputs().forEach(t -> def.putInputs(t.name(), tensorInfo(t)));
            Signature.OUTPUTS.forEach(t -> def.putOutputs(t.name(), tensorInfo(t)));
            map.putSignatureDef(signature.signatureName(), def.build());
        }
        return map.build();
    }

    private static TensorInfo tensorInfo(Signature.Tensor tensor) {
        return TensorInfo.newBuilder()
                .setName(tensor.name())
                .setDtype(DataType.valueOf(tensor.dtype()))
                .setTensorShape(TensorOutputs.shape(
                        tensor.shape().stream().mapToLong(Long::longValue).toArray()))
                .build();
    }
}
