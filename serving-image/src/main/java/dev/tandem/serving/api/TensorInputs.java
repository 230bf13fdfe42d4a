/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import com.google.protobuf.ByteString;
import dev.tandem.serving.api.grpc.proto.DataType;
import dev.tandem.serving.api.grpc.proto.TensorProto;
import dev.tandem.serving.api.grpc.proto.TensorShapeProto;
import dev.tandem.serving.recommend.BadRequestException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the input tensors of a gRPC predict request into per-example inputs. Integer tensors may be int64 or
 * int32 and carry their values in the typed field or in {@code tensor_content}, as TF clients write them.
 * A tensor is rectangular, so shorter histories and exclusion lists are padded with {@value #PADDING}, which
 * is dropped here.
 */
final class TensorInputs {

    /** The id that pads a row of a history or exclusion tensor; never an item. */
    static final long PADDING = -1;

    private TensorInputs() {}

    static List<PredictRequestParser.Example> examples(Signature signature, Map<String, TensorProto> inputs) {
        for (String name : inputs.keySet()) {
            if (!signature.hasInput(name)) {
                throw new BadRequestException("input '" + name + "' is not an input of " + signature.signatureName()
                        + "; it takes " + signature.inputNames());
            }
        }
        TensorProto main = inputs.get(signature.mainInput());
        if (main == null) {
            throw new BadRequestException("missing input '" + signature.mainInput() + "'");
        }
        Ints mainValues = Ints.of(signature.mainInput(), main);
        List<long[]> mainRows;
        if (signature == Signature.RECOMMEND) {
            mainRows = mainValues.rows(true);
        } else {
            if (mainValues.shape.length > 1) {
                throw new BadRequestException("input 'item_id' must be a scalar or a vector of item ids, got shape "
                        + mainValues.shapeText());
            }
            mainRows = new ArrayList<>();
            for (long id : mainValues.values) {
                mainRows.add(new long[] {id});
            }
        }
        int batch = mainRows.size();
        if (batch == 0) {
            throw new BadRequestException("the request holds no examples");
        }
        if (batch > PredictRequestParser.MAX_EXAMPLES) {
            throw new BadRequestException("a request may carry at most " + PredictRequestParser.MAX_EXAMPLES
                    + " examples, this one has " + batch);
        }
        List<long[]> excludeRows = null;
        if (inputs.containsKey("exclude")) {
            excludeRows = Ints.of("exclude", inputs.get("exclude")).rows(true);
            if (excludeRows.size() != batch) {
                throw new BadRequestException("input 'exclude' must hold one row of item ids per example (" + batch
                        + "), it has " + excludeRows.size());
            }
        }
        long[] ks = null;
        if (inputs.containsKey("k")) {
            Ints k = Ints.of("k", inputs.get("k"));
            if (k.shape.length > 1 || (k.values.length != 1 && k.values.length != batch)) {
                throw new BadRequestException(
                        "input 'k' must be one number or one per example (" + batch + "), got shape " + k.shapeText());
            }
            ks = k.values;
        }
        List<PredictRequestParser.Example> out = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            long[] exclude = excludeRows == null ? new long[0] : excludeRows.get(i);
            int k = Signature.DEFAULT_K;
            if (ks != null) {
                long value = ks.length == 1 ? ks[0] : ks[i];
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw new BadRequestException("input 'k' must be an int32, got " + value);
                }
                k = (int) value;
            }
            out.add(new PredictRequestParser.Example(mainRows.get(i), exclude, k));
        }
        return out;
    }

    /** An integer tensor's shape and values, checked against each other. */
    private record Ints(String name, long[] shape, long[] values) {

        static Ints of(String name, TensorProto tensor) {
            DataType dtype = tensor.getDtype();
            if (dtype != DataType.DT_INT64 && dtype != DataType.DT_INT32) {
                throw new BadRequestException("input '" + name + "' must be DT_INT64 or DT_INT32, got " + dtype.name());
            }
            TensorShapeProto shapeProto = tensor.getTensorShape();
            if (shapeProto.getUnknownRank()) {
                throw new BadRequestException("input '" + name + "' has an unknown rank");
            }
            long[] shape = new long[shapeProto.getDimCount()];
            long elements = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = shapeProto.getDim(d).getSize();
                if (shape[d] < 0) {
                    throw new BadRequestException("input '" + name + "' has a dimension of unknown size " + shape[d]);
                }
                elements = Math.multiplyExact(elements, shape[d]);
            }
            long[] values = values(name, tensor, dtype);
            if (values.length != elements) {
                throw new BadRequestException("input '" + name + "' has " + values.length + " values, its shape "
                        + Arrays.toString(shape) + " needs " + elements);
            }
            return new Ints(name, shape, values);
        }

        private static long[] values(String name, TensorProto tensor, DataType dtype) {
            ByteString content = tensor.getTensorContent();
            boolean int64 = dtype == DataType.DT_INT64;
            if (!content.isEmpty()) {
                int width = int64 ? Long.BYTES : Integer.BYTES;
                if (content.size() % width != 0) {
                    throw new BadRequestException("input '" + name + "' has " + content.size()
                            + " bytes of tensor_content, not a whole number of " + dtype.name() + " values");
                }
                ByteBuffer bytes = content.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                long[] out = new long[content.size() / width];
                for (int i = 0; i < out.length; i++) {
                    out[i] = int64 ? bytes.getLong() : bytes.getInt();
                }
                return out;
            }
            if (int64) {
                return tensor.getInt64ValList().stream()
                        .mapToLong(Long::longValue)
                        .toArray();
            }
            return tensor.getIntValList().stream().mapToLong(Integer::longValue).toArray();
        }

        /** The rows of a matrix, or a vector as one row; padding dropped when asked. */
        List<long[]> rows(boolean dropPadding) {
            if (shape.length != 1 && shape.length != 2) {
                throw new BadRequestException("input '" + name + "' must be a [batch, items] matrix or one row of "
                        + "item ids, got shape " + shapeText());
            }
            int rows = shape.length == 1 ? 1 : (int) shape[0];
            int width = shape.length == 1 ? values.length : (int) shape[1];
            List<long[]> out = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                long[] row = Arrays.copyOfRange(values, r * width, (r + 1) * width);
                out.add(
                        dropPadding
                                ? Arrays.stream(row).filter(id -> id != PADDING).toArray()
                                : row);
            }
            return out;
        }

        String shapeText() {
            return Arrays.toString(shape);
        }
    }
}
