/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.tandem.serving.api.grpc.proto.DataType;
import dev.tandem.serving.api.grpc.proto.TensorProto;
import dev.tandem.serving.recommend.BadRequestException;
import dev.tandem.serving.recommend.Recommendation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TensorInputsTest {

    @Test
    void aPaddedHistoryMatrixIsOneExamplePerRow() {
        var examples = TensorInputs.examples(
                Signature.RECOMMEND,
                Map.of(
                        "history", int64(new long[] {2, 3}, 1, 2, 3, 4, -1, -1),
                        "exclude", int64(new long[] {2, 1}, 9, -1),
                        "k", int64(new long[] {2}, 5, 7)));
        assertThat(examples).hasSize(2);
        assertThat(examples.get(0).ids()).containsExactly(1, 2, 3);
        assertThat(examples.get(1).ids()).containsExactly(4);
        assertThat(examples.get(0).exclude()).containsExactly(9);
        assertThat(examples.get(1).exclude()).isEmpty();
        assertThat(examples).extracting(PredictRequestParser.Example::k).containsExactly(5, 7);
    }

    @Test
    void int32TensorContentIsReadLittleEndian() {
        ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(11).putInt(70_000).putInt(12);
        TensorProto history = TensorProto.newBuilder()
                .setDtype(DataType.DT_INT32)
                .setTensorShape(TensorOutputs.shape(3))
                .setTensorContent(ByteString.copyFrom(bytes.array()))
                .build();
        var examples = TensorInputs.examples(Signature.RECOMMEND, Map.of("history", history));
        assertThat(examples).singleElement().satisfies(e -> {
            assertThat(e.ids()).containsExactly(11, 70_000, 12);
            assertThat(e.k()).isEqualTo(Signature.DEFAULT_K);
        });
    }

    @Test
    void aScalarItemIdIsOneSimilarItemsExample() {
        var examples = TensorInputs.examples(Signature.SIMILAR_ITEMS, Map.of("item_id", int64(new long[0], 42)));
        assertThat(examples).singleElement().satisfies(e -> assertThat(e.ids()).containsExactly(42));
    }

    @Test
    void malformedTensorsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> TensorInputs.examples(
                        Signature.RECOMMEND, Map.of("history", int64(new long[] {2, 2}, 1, 2, 3))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("has 3 values, its shape [2, 2] needs 4");
        assertThatThrownBy(() -> TensorInputs.examples(
                        Signature.RECOMMEND,
                        Map.of(
                                "history",
                                TensorProto.newBuilder()
                                        .setDtype(DataType.DT_STRING)
                                        .setTensorShape(TensorOutputs.shape(1))
                                        .addStringVal(ByteString.copyFromUtf8("x"))
                                        .build())))
                .hasMessageContaining("'history' must be DT_INT64 or DT_INT32, got DT_STRING");
        assertThatThrownBy(() -> TensorInputs.examples(
                        Signature.RECOMMEND,
                        Map.of("history", int64(new long[] {1}, 1), "user", int64(new long[0], 1))))
                .hasMessageContaining("input 'user' is not an input of serving_default");
        assertThatThrownBy(() -> TensorInputs.examples(
                        Signature.RECOMMEND,
                        Map.of(
                                "history",
                                int64(new long[] {2, 1}, 1, 2),
                                "exclude",
                                int64(new long[] {3, 1}, 1, 2, 3))))
                .hasMessageContaining("one row of item ids per example (2), it has 3");
        assertThatThrownBy(() -> TensorInputs.examples(
                        Signature.RECOMMEND,
                        Map.of("history", int64(new long[] {1}, 1), "k", int64(new long[0], 1L << 40))))
                .hasMessageContaining("int32");
        assertThatThrownBy(() -> TensorInputs.examples(Signature.SIMILAR_ITEMS, Map.of()))
                .hasMessageContaining("missing input 'item_id'");
    }

    @Test
    void raggedAnswersArePaddedToARectangle() {
        var outputs = TensorOutputs.of(
                List.of(
                        new Recommendation(new long[] {5, 6}, new float[] {0.9f, 0.8f}, 3),
                        new Recommendation(new long[] {7}, new float[] {0.7f}, 3)),
                List.of());
        assertThat(outputs.get("item_ids").getInt64ValList()).containsExactly(5L, 6L, 7L, -1L);
        assertThat(outputs.get("scores").getFloatVal(3)).isNaN();
        assertThat(outputs.get("model_version").getInt64ValList()).containsExactly(3L, 3L);
        assertThat(TensorOutputs.of(List.of(), List.of("scores"))).containsOnlyKeys("scores");
        assertThatThrownBy(() -> TensorOutputs.of(List.of(), List.of("logits")))
                .hasMessageContaining("'logits', not an output");
    }

    private static TensorProto int64(long[] shape, long... values) {
        TensorProto.Builder tensor =
                TensorProto.newBuilder().setDtype(DataType.DT_INT64).setTensorShape(TensorOutputs.shape(shape));
        for (long v : values) {
            tensor.addInt64Val(v);
        }
        return tensor.build();
    }
}
