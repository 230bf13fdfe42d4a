/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import dev.tandem.serving.api.grpc.proto.DataType;
import dev.tandem.serving.api.grpc.proto.TensorProto;
import dev.tandem.serving.api.grpc.proto.TensorShapeProto;
import dev.tandem.serving.recommend.BadRequestException;
import dev.tandem.serving.recommend.Recommendation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes recommendations as the output tensors of a gRPC predict response: {@code item_ids} (int64) and
 * {@code scores} (float) of shape {@code [batch, k]}, {@code model_version} (int64) of shape {@code [batch]}.
 * When examples asked for different k, shorter rows are padded with {@value TensorInputs#PADDING} ids and NaN
 * scores, since a tensor is rectangular.
 */
final class TensorOutputs {

    private TensorOutputs() {}

    /** The outputs the filter names (all when it is empty), in the signature's order. */
    static Map<String, TensorProto> of(List<Recommendation> answers, List<String> filter) {
        for (String name : filter) {
            if (Signature.OUTPUTS.stream().noneMatch(t -> t.name().equals(name))) {
                throw new BadRequestException("output_filter names '" + name + "', not an output; the outputs are "
                        + String.join(
                                ", ",
                                Signature.OUTPUTS.stream()
                                        .map(Signature.Tensor::name)
                                        .toList()));
            }
        }
        int batch = answers.size();
        int width = answers.stream().mapToInt(r -> r.itemIds().length).max().orElse(0);
        Map<String, TensorProto> out = new LinkedHashMap<>();
        if (wanted(filter, "item_ids")) {
            TensorProto.Builder ids =
                    TensorProto.newBuilder().setDtype(DataType.DT_INT64).setTensorShape(shape(batch, width));
            for (Recommendation r : answers) {
                for (int i = 0; i < width; i++) {
                    ids.addInt64Val(i < r.itemIds().length ? r.itemIds()[i] : TensorInputs.PADDING);
                }
            }
            out.put("item_ids", ids.build());
        }
        if (wanted(filter, "scores")) {
            TensorProto.Builder scores =
                    TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape(batch, width));
            for (Recommendation r : answers) {
                for (int i = 0; i < width; i++) {
                    scores.addFloatVal(i < r.scores().length ? r.scores()[i] : Float.NaN);
                }
            }
            out.put("scores", scores.build());
        }
        if (wanted(filter, "model_version")) {
            TensorProto.Builder versions =
                    TensorProto.newBuilder().setDtype(DataType.DT_INT64).setTensorShape(shape(batch));
            answers.forEach(r -> versions.addInt64Val(r.modelVersion()));
            out.put("model_version", versions.build());
        }
        return out;
    }

    private static boolean wanted(List<String> filter, String name) {
        return filter.isEmpty() || filter.contains(name);
    }

    static TensorShapeProto shape(long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long size : dims) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(size));
        }
        return shape.build();
    }
}
