/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import dev.tandem.serving.pair.PairLoadException;
import dev.tandem.serving.pair.PairSource;
import dev.tandem.serving.pair.ServableNotFoundException;
import dev.tandem.serving.pair.ServedModel;
import dev.tandem.serving.recommend.BadRequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;

/**
 * Version management inside one process (hot swap): load a pair beside the serving one and switch to it,
 * point labels such as {@code stable}/{@code canary} at loaded versions. The operator swaps pairs across pods;
 * this is the same swap within a pod.
 */
@Path("/tandem/v1/models/{name}")
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

    @Inject
    ServedModel model;

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
