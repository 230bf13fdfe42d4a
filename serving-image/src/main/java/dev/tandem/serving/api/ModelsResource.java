/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.serving.config.ServingConfig;
import dev.tandem.serving.metrics.ServingMetrics;
import dev.tandem.serving.metrics.Stage;
import dev.tandem.serving.pair.ServableNotFoundException;
import dev.tandem.serving.pair.ServedModel;
import dev.tandem.serving.pair.ServedPair;
import dev.tandem.serving.pair.VersionStatus;
import dev.tandem.serving.recommend.BadRequestException;
import dev.tandem.serving.recommend.RecommendRequest;
import dev.tandem.serving.recommend.Recommendation;
import dev.tandem.serving.recommend.Recommender;
import dev.tandem.serving.recommend.SimilarItemsRequest;
import dev.tandem.serving.recommend.UnknownItemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TF Serving's REST API: {@code POST /v1/models/{name}[/versions/{v}|/labels/{l}]:predict},
 * {@code GET /v1/models/{name}[/versions/{v}|/labels/{l}]} (status) and {@code GET .../metadata}.
 */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    @Inject
    ServedModel model;

    @Inject
    Recommender recommender;

    @Inject
    ServingMetrics metrics;

    @Inject
    ObjectMapper json;

    @Inject
    ServingConfig config;

    @Context
    ContainerRequestContext request;

    @POST
    @Path("{path: .+}")
    @Consumes(MediaType.WILDCARD)
    public JsonNode post(@PathParam("path") String path, byte[] body) {
        long start = System.nanoTime();
        ModelPath target = route(path, "POST");
        if (target.metadata() || !target.verb().equals(Optional.of("predict"))) {
            RequestMetricsFilter.route(request, "other");
            throw new NotFoundException();
        }
        RequestMetricsFilter.route(request, "predict");
        if (body != null && body.length > config.maxBodyBytes()) {
            throw new BodyTooLargeException(body.length, config.maxBodyBytes());
        }
        PredictRequestParser.Parsed parsed = PredictRequestParser.parse(readJson(body));
        ServedPair pair = acquire(target);
        try {
            List<Recommendation> answers = new ArrayList<>(parsed.examples().size());
            for (PredictRequestParser.Example example : parsed.examples()) {
                answers.add(answer(pair, parsed.signature(), example));
            }
            return parsed.columnar() ? columnar(answers) : rows(answers);
        } finally {
            pair.release();
            metrics.stage(Stage.TOTAL, System.nanoTime() - start);
        }
    }

    @GET
    @Path("{path: .+}")
    public JsonNode get(@PathParam("path") String path) {
        ModelPath target = route(path, "GET");
        if (target.verb().isPresent()) {
            RequestMetricsFilter.route(request, "other");
            throw new NotFoundException();
        }
        if (target.metadata()) {
            RequestMetricsFilter.route(request, "metadata");
            ServedPair pair = acquire(target);
            try {
                return ModelMetadata.of(json, model.name().orElseThrow(), pair.version());
            } finally {
                pair.release();
            }
        }
        RequestMetricsFilter.route(request, "status");
        return status(target);
    }

    private ModelPath route(String path, String method) {
        ModelPath target = ModelPath.parse(path).orElseThrow(NotFoundException::new);
        if (!model.name().equals(Optional.of(target.name()))) {
            RequestMetricsFilter.route(request, "other");
            throw new ServableNotFoundException("Servable not found for request: Latest(" + target.name() + ")");
        }
        return target;
    }

    private ServedPair acquire(ModelPath target) {
        return model.acquire(target.version(), target.label());
    }

    private Recommendation answer(ServedPair pair, Signature signature, PredictRequestParser.Example example) {
        if (signature == Signature.RECOMMEND) {
            return recommender.recommend(pair, new RecommendRequest(example.ids(), example.exclude(), example.k()));
        }
        try {
            return recommender.similarItems(
                    pair, new SimilarItemsRequest(example.ids()[0], example.exclude(), example.k()));
        } catch (UnknownItemException e) {
            // In a predict body an unknown item is a bad argument, as for any other input value.
            throw new BadRequestException(e.getMessage());
        }
    }

    private JsonNode rows(List<Recommendation> answers) {
        ObjectNode out = json.createObjectNode();
        ArrayNode predictions = out.putArray("predictions");
        for (Recommendation r : answers) {
            ObjectNode p = predictions.addObject();
            ArrayNode ids = p.putArray("item_ids");
            for (long id : r.itemIds()) {
                ids.add(id);
            }
            ArrayNode scores = p.putArray("scores");
            for (float s : r.scores()) {
                scores.add(s);
            }
            p.put("model_version", r.modelVersion());
        }
        return out;
    }

    private JsonNode columnar(List<Recommendation> answers) {
        ObjectNode out = json.createObjectNode();
        ObjectNode outputs = out.putObject("outputs");
        ArrayNode ids = outputs.putArray("item_ids");
        ArrayNode scores = outputs.putArray("scores");
        ArrayNode versions = outputs.putArray("model_version");
        for (Recommendation r : answers) {
            ArrayNode idRow = ids.addArray();
            for (long id : r.itemIds()) {
                idRow.add(id);
            }
            ArrayNode scoreRow = scores.addArray();
            for (float s : r.scores()) {
                scoreRow.add(s);
            }
            versions.add(r.modelVersion());
        }
        return out;
    }

    private JsonNode status(ModelPath target) {
        List<VersionStatus> selected;
        if (target.version().isPresent()) {
            long v = target.version().getAsLong();
            selected = model.status(v)
                    .map(List::of)
                    .orElseThrow(() -> new ServableNotFoundException(
                            "Could not find version " + v + " of model " + target.name()));
        } else if (target.label().isPresent()) {
            Long v = model.routing().labels().get(target.label().get());
            if (v == null) {
                throw new ServableNotFoundException(
                        "Unrecognized servable version label: " + target.label().get());
            }
            selected = model.status(v).map(List::of).orElse(List.of());
        } else {
            selected = model.statuses();
        }
        if (selected.isEmpty()) {
            throw new ServableNotFoundException("Could not find any versions of model " + target.name());
        }
        ObjectNode out = json.createObjectNode();
        ArrayNode list = out.putArray("model_version_status");
        // TF Serving lists the newest version first.
        for (VersionStatus s : selected.reversed()) {
            ObjectNode entry = list.addObject();
            entry.put("version", Long.toString(s.version()));
            entry.put("state", s.state().name());
            ObjectNode status = entry.putObject("status");
            status.put("error_code", s.errorCode());
            status.put("error_message", s.errorMessage());
        }
        return out;
    }

    private JsonNode readJson(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadRequestException("JSON Parse error: The document is empty");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("JSON Parse error: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadRequestException("JSON Parse error: " + e.getMessage());
        }
    }
}
