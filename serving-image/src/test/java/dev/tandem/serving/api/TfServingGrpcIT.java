/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Int64Value;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The packaged server's gRPC API, called by a client built from TF Serving's released protos: Predict,
 * GetModelMetadata and GetModelStatus answer as TF Serving would, predictions equal the REST API's, and bad
 * requests get TF Serving's status codes without harming the server.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = TrainedModelResource.class, restrictToAnnotatedClass = true)
class TfServingGrpcIT {

    private static final String PREDICTION = "tensorflow.serving.PredictionService";
    private static final String MODEL = "tensorflow.serving.ModelService";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TfServingGrpcClient client;
    private static URI rest;
    private static String name;

    @BeforeAll
    static void connect() throws Exception {
        int httpPort = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        int grpcPort = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
        rest = URI.create("http://127.0.0.1:" + httpPort);
        name = TrainedModelResource.trained.name();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> HTTP.send(
                                        HttpRequest.newBuilder(rest.resolve("/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
        client = TfServingGrpcClient.connect("127.0.0.1", grpcPort, Files.createTempDirectory("tf-serving-protos"));
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void getModelStatusReportsTheAvailableVersion() {
        DynamicMessage reply = client.call(MODEL, "GetModelStatus", statusRequest(name));
        @SuppressWarnings("unchecked")
        List<DynamicMessage> versions = (List<DynamicMessage>) field(reply, "model_version_status");
        assertThat(versions).hasSize(1);
        assertThat(field(versions.get(0), "version")).isEqualTo(1L);
        assertThat(((EnumValueDescriptor) field(versions.get(0), "state")).getName())
                .isEqualTo("AVAILABLE");
        DynamicMessage status = (DynamicMessage) field(versions.get(0), "status");
        assertThat(((EnumValueDescriptor) field(status, "error_code")).getName())
                .isEqualTo("OK");

        assertThat(failure(() -> client.call(MODEL, "GetModelStatus", statusRequest("no-such-model"))))
                .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.NOT_FOUND))
                .satisfies(s -> assertThat(s.getDescription()).contains("no-such-model"));
    }

    @Test
    void getModelMetadataCarriesTheSignatureDefMap() throws Exception {
        Descriptor request = client.type("tensorflow.serving.GetModelMetadataRequest");
        DynamicMessage reply = client.call(
                PREDICTION,
                "GetModelMetadata",
                TfServingGrpcClient.message(
                        request, Map.of("model_spec", spec(Map.of()), "metadata_field", List.of("signature_def"))));
        DynamicMessage any = TfServingGrpcClient.map(reply, "metadata").get("signature_def");
        Any packed = Any.parseFrom(any.toByteString());
        assertThat(packed.getTypeUrl()).isEqualTo("type.googleapis.com/tensorflow.serving.SignatureDefMap");
        DynamicMessage defs =
                DynamicMessage.parseFrom(client.type("tensorflow.serving.SignatureDefMap"), packed.getValue());
        Map<String, DynamicMessage> byName = TfServingGrpcClient.map(defs, "signature_def");
        assertThat(byName).containsOnlyKeys("serving_default", "similar_items");
        org.tensorflow.proto.SignatureDef servingDefault = org.tensorflow.proto.SignatureDef.parseFrom(
                byName.get("serving_default").toByteString());
        assertThat(servingDefault.getInputsMap().get("history").getDtype()).isEqualTo(DataType.DT_INT64);
        assertThat(servingDefault.getOutputsMap().get("scores").getDtype()).isEqualTo(DataType.DT_FLOAT);
        assertThat(servingDefault.getMethodName()).isEqualTo("tensorflow/serving/predict");
        DynamicMessage replySpec = (DynamicMessage) field(reply, "model_spec");
        assertThat(Int64Value.parseFrom(((DynamicMessage) field(replySpec, "version")).toByteString())
                        .getValue())
                .isEqualTo(1L);

        assertThat(failure(() -> client.call(
                        PREDICTION,
                        "GetModelMetadata",
                        TfServingGrpcClient.message(request, Map.of("model_spec", spec(Map.of()))))))
                .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void predictAnswersAsTheRestApiDoes() throws Exception {
        long[][] histories = {{3, 17, 42, 99, 150}, {5, 8, -1, -1, -1}};
        DynamicMessage reply = client.call(
                PREDICTION,
                "Predict",
                predict(
                        Map.of(),
                        Map.of(
                                "history", int64(histories),
                                "exclude", int64(new long[][] {{7, 8}, {9, -1}}),
                                "k", int32Scalar(10)),
                        List.of()));
        Map<String, TensorProto> outputs = outputs(reply);
        assertThat(outputs).containsOnlyKeys("item_ids", "scores", "model_version");
        TensorProto ids = outputs.get("item_ids");
        assertThat(ids.getDtype()).isEqualTo(DataType.DT_INT64);
        assertThat(ids.getTensorShape().getDimList())
                .extracting(TensorShapeProto.Dim::getSize)
                .containsExactly(2L, 10L);
        assertThat(outputs.get("model_version").getInt64ValList()).containsExactly(1L, 1L);

        JsonNode restReply = JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(rest.resolve("/v1/models/" + name + ":predict"))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"inputs\": {\"history\": [[3, 17, 42, 99, 150], [5, 8]],"
                                                + " \"exclude\": [[7, 8], [9]], \"k\": 10}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        for (int row = 0; row < 2; row++) {
            long[] restIds = new long[10];
            float[] restScores = new float[10];
            for (int i = 0; i < 10; i++) {
                restIds[i] = restReply
                        .path("outputs")
                        .path("item_ids")
                        .get(row)
                        .get(i)
                        .asLong();
                restScores[i] = (float)
                        restReply.path("outputs").path("scores").get(row).get(i).asDouble();
            }
            assertThat(ids.getInt64ValList().subList(row * 10, row * 10 + 10))
                    .containsExactly(Arrays.stream(restIds).boxed().toArray(Long[]::new));
            for (int i = 0; i < 10; i++) {
                assertThat(outputs.get("scores").getFloatVal(row * 10 + i)).isEqualTo(restScores[i]);
            }
        }
        assertThat(ids.getInt64ValList().subList(0, 10)).doesNotContain(3L, 17L, 42L, 99L, 150L, 7L, 8L);

        // The same history as int32 in tensor_content, the encoding tf.make_tensor_proto writes, and an
        // output filter.
        ByteBuffer bytes = ByteBuffer.allocate(5 * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long id : histories[0]) {
            bytes.putInt((int) id);
        }
        TensorProto packedHistory = TensorProto.newBuilder()
                .setDtype(DataType.DT_INT32)
                .setTensorShape(shape(1, 5))
                .setTensorContent(ByteString.copyFrom(bytes.array()))
                .build();
        Map<String, TensorProto> filtered = outputs(client.call(
                PREDICTION,
                "Predict",
                predict(
                        Map.of("version", Int64Value.of(1)),
                        Map.of("history", packedHistory, "exclude", int64(new long[][] {{7, 8}})),
                        List.of("item_ids"))));
        assertThat(filtered).containsOnlyKeys("item_ids");
        assertThat(filtered.get("item_ids").getInt64ValList())
                .isEqualTo(ids.getInt64ValList().subList(0, 10));
    }

    @Test
    void similarItemsThroughTheSimilarItemsSignature() {
        TensorProto item = TensorProto.newBuilder()
                .setDtype(DataType.DT_INT64)
                .setTensorShape(shape(2))
                .addInt64Val(42)
                .addInt64Val(7)
                .build();
        Map<String, TensorProto> outputs = outputs(client.call(
                PREDICTION,
                "Predict",
                predict(
                        Map.of("signature_name", "similar_items"),
                        Map.of("item_id", item, "k", int32Scalar(5)),
                        List.of())));
        TensorProto ids = outputs.get("item_ids");
        assertThat(ids.getTensorShape().getDimList())
                .extracting(TensorShapeProto.Dim::getSize)
                .containsExactly(2L, 5L);
        assertThat(ids.getInt64ValList().subList(0, 5)).doesNotContain(42L).doesNotHaveDuplicates();
        assertThat(ids.getInt64ValList().subList(5, 10)).doesNotContain(7L).doesNotHaveDuplicates();
    }

    @Test
    void badRequestsGetTfServingsCodesAndHarmNothing() {
        TensorProto floats = TensorProto.newBuilder()
                .setDtype(DataType.DT_FLOAT)
                .setTensorShape(shape(1, 2))
                .addFloatVal(1)
                .addFloatVal(2)
                .build();
        TensorProto history = int64(new long[][] {{3, 17, 42}});
        assertThat(failure(() ->
                        client.call(PREDICTION, "Predict", predict(Map.of(), Map.of("history", floats), List.of()))))
                .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT))
                .satisfies(
                        s -> assertThat(s.getDescription()).contains("history").contains("DT_FLOAT"));
        assertThat(failure(() -> client.call(
                        PREDICTION,
                        "Predict",
                        predict(Map.of(), Map.of("history", history, "k", int32Scalar(0)), List.of()))))
                .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT))
                .satisfies(s -> assertThat(s.getDescription()).contains("k must be between 1 and"));
        assertThat(failure(() -> client.call(
                        PREDICTION,
                        "Predict",
                        predict(Map.of(), Map.of("history", int64(new long[][] {{3, 999_999_999}})), List.of()))))
                .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT))
                .satisfies(s -> assertThat(s.getDescription()).contains("999999999"));
        TensorProto lying = TensorProto.newBuilder()
                .setDtype(DataType.DT_INT64)
                .setTensorShape(shape(2, 3))
                .addInt64Val(3)
                .build();
        assertThat(failure(() ->
                        client.call(PREDICTION, "Predict", predict(Map.of(), Map.of("history", lying), List.of()))))
                .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT))
                .satisfies(s -> assertThat(s.getDescription()).contains("needs 6"));
        assertThat(failure(() -> client.call(
                        PREDICTION,
                        "Predict",
                        predict(Map.of("version", Int64Value.of(9)), Map.of("history", history), List.of()))))
                .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThat(failure(() -> client.call(
                        PREDICTION,
                        "Predict",
                        TfServingGrpcClient.message(client.type("tensorflow.serving.PredictRequest"), Map.of()))))
                .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT))
                .satisfies(s -> assertThat(s.getDescription()).contains("ModelSpec"));
        assertThat(failure(() -> client.call(
                        PREDICTION,
                        "Classify",
                        TfServingGrpcClient.message(
                                client.type("tensorflow.serving.ClassificationRequest"), Map.of()))))
                .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.UNIMPLEMENTED));

        // 700 000 ids of 9 bytes each as varints: over the 4 MiB a request may have.
        long[][] huge = new long[1][700_000];
        Arrays.fill(huge[0], 1L << 60);
        assertThat(failure(() -> client.call(
                        PREDICTION, "Predict", predict(Map.of(), Map.of("history", int64(huge)), List.of()))))
                .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));

        Map<String, TensorProto> outputs =
                outputs(client.call(PREDICTION, "Predict", predict(Map.of(), Map.of("history", history), List.of())));
        assertThat(outputs.get("item_ids").getInt64ValCount()).isEqualTo(10);
    }

    private DynamicMessage predict(
            Map<String, Object> specFields, Map<String, TensorProto> inputs, List<String> filter) {
        Descriptor request = client.type("tensorflow.serving.PredictRequest");
        List<DynamicMessage> entries = inputs.entrySet().stream()
                .map(e -> TfServingGrpcClient.entry(request.findFieldByName("inputs"), e.getKey(), e.getValue()))
                .toList();
        return TfServingGrpcClient.message(
                request, Map.of("model_spec", spec(specFields), "inputs", entries, "output_filter", filter));
    }

    private DynamicMessage statusRequest(String model) {
        DynamicMessage spec =
                TfServingGrpcClient.message(client.type("tensorflow.serving.ModelSpec"), Map.of("name", model));
        return TfServingGrpcClient.message(
                client.type("tensorflow.serving.GetModelStatusRequest"), Map.of("model_spec", spec));
    }

    private DynamicMessage spec(Map<String, Object> fields) {
        Map<String, Object> all = new java.util.HashMap<>(fields);
        all.put("name", name);
        return TfServingGrpcClient.message(client.type("tensorflow.serving.ModelSpec"), all);
    }

    private static Map<String, TensorProto> outputs(DynamicMessage reply) {
        Map<String, TensorProto> out = new java.util.HashMap<>();
        TfServingGrpcClient.map(reply, "outputs").forEach((key, value) -> {
            try {
                out.put(key, TensorProto.parseFrom(value.toByteString()));
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    private static Object field(DynamicMessage message, String name) {
        return message.getField(message.getDescriptorForType().findFieldByName(name));
    }

    private static Status failure(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
        throw new AssertionError("the call succeeded");
    }

    private static TensorProto int64(long[][] rows) {
        TensorProto.Builder tensor =
                TensorProto.newBuilder().setDtype(DataType.DT_INT64).setTensorShape(shape(rows.length, rows[0].length));
        for (long[] row : rows) {
            for (long id : row) {
                tensor.addInt64Val(id);
            }
        }
        return tensor.build();
    }

    private static TensorProto int32Scalar(int value) {
        return TensorProto.newBuilder()
                .setDtype(DataType.DT_INT32)
                .setTensorShape(TensorShapeProto.getDefaultInstance())
                .addIntVal(value)
                .build();
    }

    private static TensorShapeProto shape(long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long size : dims) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(size));
        }
        return shape.build();
    }
}
