/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of {@code GET /v1/models/{name}/metadata}, in TF Serving's SignatureDefMap shape. */
final class ModelMetadata {

    private ModelMetadata() {}

    static JsonNode of(ObjectMapper json, String name, long version) {
        ObjectNode out = json.createObjectNode();
        ObjectNode spec = out.putObject("model_spec");
        spec.put("name", name);
        spec.put("signature_name", "");
        spec.put("version", Long.toString(version));
        ObjectNode map = out.putObject("metadata").putObject("signature_def");
        map.put("@type", "type.googleapis.com/tensorflow.serving.SignatureDefMap");
        ObjectNode defs = map.putObject("signature_def");
        for (Signature signature : Signature.values()) {
            ObjectNode def = defs.putObject(signature.signatureName());
            ObjectNode inputs = def.putObject("inputs");
            signature.inputs().forEach(t -> tensor(inputs, t));
            ObjectNode outputs = def.putObject("outputs");
            Signature.OUTPUTS.forEach(t -> tensor(outputs, t));
            def.put("method_name", "tensorflow/serving/predict");
        }
        return out;
    }

    private static void tensor(ObjectNode parent, Signature.Tensor tensor) {
        ObjectNode info = parent.putObject(tensor.name());
        info.put("dtype", tensor.dtype());
        ObjectNode shape = info.putObject("tensor_shape");
        var dims = shape.putArray("dim");
        for (long size : tensor.shape()) {
            dims.addObject().put("size", Long.toString(size)).put("name", "");
        }
        shape.put("unknown_rank", false);
        info.put("name", tensor.name());
    }
}
