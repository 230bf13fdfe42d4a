/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.serving.recommend.BadRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a TF Serving predict body into per-example inputs: the row form ({@code "instances": [{...}, ...]},
 * or bare values standing for the signature's main input) and the columnar form ({@code "inputs": {name:
 * batch, ...}} or a bare batch). Anything else is a {@link BadRequestException} naming what is wrong.
 */
final class PredictRequestParser {

    /** The most examples one request may carry. */
    static final int MAX_EXAMPLES = 1000;

    /** One example's inputs, before they are checked against a pair. */
    record Example(long[] ids, long[] exclude, int k) {}

    /** The parsed body. */
    record Parsed(Signature signature, boolean columnar, List<Example> examples) {}

    private PredictRequestParser() {}

    static Parsed parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("JSON Value: body is not a JSON object");
        }
        JsonNode signatureName = body.get("signature_name");
        if (signatureName != null && !signatureName.isTextual()) {
            throw new BadRequestException("'signature_name' must be a string");
        }
        Signature signature = Signature.named(signatureName == null ? null : signatureName.asText())
                .orElseThrow(() -> new BadRequestException("Serving signature name: \"" + signatureName.asText()
                        + "\" not found in signature def; the signatures are serving_default and similar_items"));
        boolean hasInstances = body.has("instances");
        boolean hasInputs = body.has("inputs");
        if (hasInstances == hasInputs) {
            throw new BadRequestException(
                    "Missing 'inputs' or 'instances' key: the body must have exactly one of them");
        }
        Iterator<String> keys = body.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.equals("instances") && !key.equals("inputs") && !key.equals("signature_name")) {
                throw new BadRequestException(
                        "unknown key '" + key + "'; a predict body has signature_name and " + "instances or inputs");
            }
        }
        List<Example> examples =
                hasInstances ? rows(signature, body.get("instances")) : columns(signature, body.get("inputs"));
        if (examples.isEmpty()) {
            throw new BadRequestException("the request holds no examples");
        }
        return new Parsed(signature, hasInputs, examples);
    }

    private static List<Example> rows(Signature signature, JsonNode instances) {
        if (!instances.isArray()) {
            throw new BadRequestException("'instances' must be a JSON array");
        }
        requireBatch(instances.size());
        List<Example> out = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            JsonNode instance = instances.get(i);
            String where = "instances[" + i + "]";
            if (instance.isObject()) {
                requireKnownInputs(signature, instance, where);
                out.add(example(
                        signature,
                        instance.get(signature.mainInput()),
                        instance.get("exclude"),
                        instance.get("k"),
                        where));
            } else {
                out.add(example(signature, instance, null, null, where));
            }
        }
        return out;
    }

    private static List<Example> columns(Signature signature, JsonNode inputs) {
        JsonNode main;
        JsonNode exclude = null;
        JsonNode k = null;
        if (inputs.isObject()) {
            requireKnownInputs(signature, inputs, "inputs");
            main = inputs.get(signature.mainInput());
            exclude = inputs.get("exclude");
            k = inputs.get("k");
        } else {
            main = inputs;
        }
        if (main == null) {
            throw new BadRequestException("missing input '" + signature.mainInput() + "' in 'inputs'");
        }
        if (!main.isArray()) {
            // A scalar item id (or a lone history) is a batch of one.
            main = wrap(main);
        } else if (signature == Signature.RECOMMEND
                && (main.isEmpty() || !main.get(0).isArray())) {
            main = wrap(main);
        }
        int batch = main.size();
        requireBatch(batch);
        if (exclude != null && !(exclude.isArray() && exclude.size() == batch && allArrays(exclude))) {
            if (batch == 1 && exclude.isArray() && !allArrays(exclude)) {
                exclude = wrap(exclude);
            } else {
                throw new BadRequestException(
                        "input 'exclude' must hold one list of item ids per example (" + batch + ")");
            }
        }
        if (k != null && k.isArray() && k.size() != batch) {
            throw new BadRequestException("input 'k' must be one number or one per example (" + batch + ")");
        }
        List<Example> out = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            out.add(example(
                    signature,
                    main.get(i),
                    exclude == null ? null : exclude.get(i),
                    k == null ? null : (k.isArray() ? k.get(i) : k),
                    "inputs[" + i + "]"));
        }
        return out;
    }

    private static Example example(Signature signature, JsonNode main, JsonNode exclude, JsonNode k, String where) {
        if (main == null) {
            throw new BadRequestException(where + " lacks input '" + signature.mainInput() + "'");
        }
        long[] ids = signature == Signature.RECOMMEND
                ? ids(main, where + "." + signature.mainInput())
                : new long[] {id(main, where + ".item_id")};
        long[] excluded = exclude == null ? new long[0] : ids(exclude, where + ".exclude");
        int count = k == null ? Signature.DEFAULT_K : integer(k, where + ".k");
        return new Example(ids, excluded, count);
    }

    private static void requireKnownInputs(Signature signature, JsonNode object, String where) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!signature.hasInput(name)) {
                throw new BadRequestException(where + " has unknown input '" + name + "'; " + signature.signatureName()
                        + " takes " + signature.inputNames());
            }
        }
    }

    private static long[] ids(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new BadRequestException(where + " must be a list of item ids (int64)");
        }
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(node.get(i), where + "[" + i + "]");
        }
        return out;
    }

    private static long id(JsonNode node, String where) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new BadRequestException(where + " must be an int64 item id, got " + abbreviate(node));
        }
        return node.longValue();
    }

    private static int integer(JsonNode node, String where) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new BadRequestException(where + " must be an int32, got " + abbreviate(node));
        }
        return node.intValue();
    }

    private static void requireBatch(int size) {
        if (size > MAX_EXAMPLES) {
            throw new BadRequestException(
                    "a request may carry at most " + MAX_EXAMPLES + " examples, this one has " + size);
        }
    }

    private static boolean allArrays(JsonNode node) {
        for (JsonNode child : node) {
            if (!child.isArray()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode wrap(JsonNode node) {
        ObjectNode holder = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        return holder.arrayNode().add(node);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
