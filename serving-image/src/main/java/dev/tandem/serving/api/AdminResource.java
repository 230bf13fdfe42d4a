/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import dev.tandem.api.serving.ServingEndpoints;
import dev.tandem.serving.index.ProbeRecall;
import dev.tandem.serving.pair.PairLoadException;
import dev.tandem.serving.pair.PairSource;
import dev.tandem.serving.pair.ServableNotFoundException;
import dev.tandem.serving.pair.ServedModel;
import dev.tandem.serving.pair.ServedPair;
import dev.tandem.serving.recommend.BadRequestException;
import dev.tandem.serving.recommend.Recommender;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Version management inside one process (hot swap): load a pair beside the serving one and switch to it,
 * point labels such as {@code stable}/{@code canary} at loaded versions. The operator swaps pairs across pods;
 * this is the same swap within a pod. Also the probe a rollout's analysis runs on a candidate pair: recall of
 * the served search against exact search.
 */
@Path(ServingEndpoints.MODEL_ADMIN_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    /**
     * A pair to load.
     *
     * @param bundle directory, {@code models:/name/version}, {@code models:/name@alias} or artifact URI
     * @param index its prebuilt index (directory or artifact URI), or null to build the graph here
     */
    public record LoadRequest(String bundle, String index) {}

    /** A label's target. */
    public record LabelRequest(Long version) {}

    /**
     * Recall of one loaded pair's graph search against exact search.
     *
     * @param modelName the served model
     * @param version the pair's model version
     * @param queries probe user vectors searched
     * @param k results compared per query
     * @param recall mean share of the exact top-k the graph search found (0..1)
     * @param exactMillis time the exact searches took, all queries together
     * @param graphMillis time the graph searches took, all queries together
     */
    public record ProbeRecallAnswer(
            String modelName,
            String version,
            int queries,
            int k,
            double recall,
            double exactMillis,
            double graphMillis,
            List<Long> sampleItemIds) {}

    /** Item ids the answer names, so a caller can build valid predict requests for the pair (smoke queries). */
    static final int SAMPLE_ITEMS = 32;

    /** The most probe queries one request may ask for: each scans every item once. */
    static final int MAX_PROBE_QUERIES = 1000;

    @Inject
    ServedModel model;

    @Inject
    Recommender recommender;

    @Context
    ContainerRequestContext request;

    /** Loads a pair, warms it up and makes it the serving version; answers when it serves (or failed). */
    @POST
    @Path("versions")
    public Map<String, Object> load(@PathParam("name") String name, LoadRequest body) throws PairLoadException {
        RequestMetricsFilter.route(request, "admin");
        requireName(name, true);
        if (body == null || body.bundle() == null || body.bundle().isBlank()) {
            throw new BadRequestException("the body must name a bundle: {\"bundle\": \"models:/name/3\"}");
        }
        long version = model.load(new PairSource(body.bundle(), Optional.ofNullable(body.index())));
        return Map.of("version", Long.toString(version), "state", "AVAILABLE");
    }

    @PUT
    @Path("labels/{label}")
    public Map<String, Object> setLabel(
            @PathParam("name") String name, @PathParam("label") String label, LabelRequest body) {
        RequestMetricsFilter.route(request, "admin");
        requireName(name, false);
        if (body == null || body.version() == null) {
            throw new BadRequestException("the body must name a version: {\"version\": 3}");
        }
        model.setLabel(label, body.version());
        return Map.of("label", label, "version", Long.toString(body.version()));
    }

    @DELETE
    @Path("labels/{label}")
    public Map<String, Object> removeLabel(@PathParam("name") String name, @PathParam("label") String label) {
        RequestMetricsFilter.route(request, "admin");
        requireName(name, false);
        model.removeLabel(label);
        return Map.of("label", label, "removed", true);
    }

    /**
     * Recall@k of the pair's graph search, as the predict path runs it, against exact inner-product search over
     * its items, on {@code queries} probe user vectors from its own tower: the set {@code build-index
     * --probe-queries} of the same count measures.
     */
    @GET
    @Path(ServingEndpoints.PROBE_RECALL_PATH)
    public ProbeRecallAnswer probeRecall(
            @PathParam("name") String name,
            @PathParam("version") String version,
            @QueryParam("queries") @DefaultValue("1000") String queries,
            @QueryParam("k") @DefaultValue("10") String k) {
        RequestMetricsFilter.route(request, "admin");
        requireName(name, false);
        long wanted = parseLong(version, "version");
        long count = parseLong(queries, "queries");
        if (count < 1 || count > MAX_PROBE_QUERIES) {
            throw new BadRequestException("queries must be between 1 and " + MAX_PROBE_QUERIES + ", got " + queries);
        }
        // Out-of-range k (clamped into int first) is refused by the recommender before any search.
        int top = Math.clamp(parseLong(k, "k"), Integer.MIN_VALUE, Integer.MAX_VALUE);
        ServedPair pair = model.acquire(OptionalLong.of(wanted), Optional.empty());
        try {
            ProbeRecall.Measurement m = recommender.probeRecall(pair, (int) count, top);
            pair.probed(m.recall());
            return new ProbeRecallAnswer(
                    name,
                    Long.toString(pair.version()),
                    m.queries(),
                    m.k(),
                    m.recall(),
                    m.exactNanos() / 1e6,
                    m.graphNanos() / 1e6,
                    sampleItemIds(pair));
        } finally {
            pair.release();
        }
    }

    // Evenly spaced rows: a spread of the catalogue, the same on every call.
    private static List<Long> sampleItemIds(ServedPair pair) {
        int size = pair.catalog().size();
        int count = Math.min(SAMPLE_ITEMS, size);
        List<Long> ids = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(pair.catalog().id((int) ((long) i * size / count)));
        }
        return ids;
    }

    private static long parseLong(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequestException(what + " must be an integer, got '" + text + "'");
        }
    }

    private void requireName(String name, boolean allowUnnamed) {
        Optional<String> served = model.name();
        if (served.isEmpty() && allowUnnamed) {
            return;
        }
        if (!served.equals(Optional.of(name))) {
            throw new ServableNotFoundException("Servable not found for request: Latest(" + name + ")");
        }
    }
}
