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
import dev.tandem.serving.pair.VersionStatus;
import dev.tandem.serving.recommend.BadRequestException;
import dev.tandem.serving.recommend.Recommendation;
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
    ModelRequests requests;

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
        try {
            ModelRequests.Answer answer = requests.predict(target(target), parsed.signature(), parsed.examples());
            return parsed.columnar() ? columnar(answer.recommendations()) : rows(answer.recommendations());
        } finally {
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
            return ModelMetadata.of(json, target.name(), requests.metadataVersion(target(target)));
        }
        RequestMetricsFilter.route(request, "status");
        return status(target);
    }

    private ModelPath route(String path, String method) {
        ModelPath target = ModelPath.parse(path).orElseThrow(NotFoundException::new);
        try {
            requests.requireServed(target.name());
        } catch (ServableNotFoundException e) {
            RequestMetricsFilter.route(request, "other");
            throw e;
        }
        return target;
    }

    private static ModelRequests.Target target(ModelPath path) {
        return new ModelRequests.Target(path.name(), path.version(), path.label());
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
        List<VersionStatus> selected = requests.status(target(target));
        ObjectNode out = json.createObjectNode();
        ArrayNode list = out.putArray("model_version_status");
        for (VersionStatus s : selected) {
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
