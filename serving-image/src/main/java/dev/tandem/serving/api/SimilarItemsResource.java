/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import dev.tandem.serving.metrics.ServingMetrics;
import dev.tandem.serving.metrics.Stage;
import dev.tandem.serving.pair.ServableNotFoundException;
import dev.tandem.serving.pair.ServedModel;
import dev.tandem.serving.pair.ServedPair;
import dev.tandem.serving.recommend.BadRequestException;
import dev.tandem.serving.recommend.Recommendation;
import dev.tandem.serving.recommend.Recommender;
import dev.tandem.serving.recommend.SimilarItemsRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Item-to-item as a plain REST route, for autoplay clients that are not TF Serving clients:
 * {@code GET /tandem/v1/models/{name}/items/{id}/similar?k=20&exclude=1,2,3[&version=N]}.
 */
@Path("/tandem/v1/models/{name}/items/{id}/similar")
@Produces(MediaType.APPLICATION_JSON)
public class SimilarItemsResource {

    /** The answer: items best first, with the version of the pair that found them. */
    public record SimilarItems(long itemId, List<Long> itemIds, List<Float> scores, long modelVersion) {}

    @Inject
    ServedModel model;

    @Inject
    Recommender recommender;

    @Inject
    ServingMetrics metrics;

    @Context
    ContainerRequestContext request;

    @GET
    public SimilarItems similar(
            @PathParam("name") String name,
            @PathParam("id") String id,
            @QueryParam("k") @DefaultValue("10") String k,
            @QueryParam("exclude") @DefaultValue("") String exclude,
            @QueryParam("version") String version) {
        long start = System.nanoTime();
        RequestMetricsFilter.route(request, "similar");
        if (!model.name().equals(Optional.of(name))) {
            throw new ServableNotFoundException("Servable not found for request: Latest(" + name + ")");
        }
        long itemId = parseLong(id, "item id");
        int count = (int) Math.min(Integer.MAX_VALUE, parseLong(k, "k"));
        long[] excluded = exclude.isBlank()
                ? new long[0]
                : Arrays.stream(exclude.split(","))
                        .mapToLong(s -> parseLong(s.strip(), "exclude"))
                        .toArray();
        OptionalLong pinned = version == null ? OptionalLong.empty() : OptionalLong.of(parseLong(version, "version"));
        ServedPair pair = model.acquire(pinned, Optional.empty());
        try {
            Recommendation r = recommender.similarItems(pair, new SimilarItemsRequest(itemId, excluded, count));
            List<Float> scores = new java.util.ArrayList<>(r.scores().length);
            for (float s : r.scores()) {
                scores.add(s);
            }
            return new SimilarItems(itemId, Arrays.stream(r.itemIds()).boxed().toList(), scores, r.modelVersion());
        } finally {
            pair.release();
            metrics.stage(Stage.TOTAL, System.nanoTime() - start);
        }
    }

    private static long parseLong(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequestException(what + " must be an integer, got '" + text + "'");
        }
    }
}
