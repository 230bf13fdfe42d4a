/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.bundle.MipsStrategy;

/**
 * What {@code build-index --summary} writes when the index is written (and uploaded): one line of JSON, small
 * enough for a pod's termination message (4096 bytes), from which the operator fills a RecIndex's status.
 *
 * @param modelName registered model name of the bundle the index was built from
 * @param modelVersion that bundle's model version
 * @param items items in the graph
 * @param dim the model's vector dimension
 * @param mips how graph search ranks by inner product ({@code mobius}, {@code extra-dimension})
 * @param maxDegree neighbours per node
 * @param beamWidth build beam width
 * @param overquery search candidates per result
 * @param buildSeconds wall time of the graph build
 * @param probeQueries probe user vectors the recall was measured on
 * @param probeRecallAt10 recall@10 of the graph search against exact search on them
 * @param graphBytes size of the graph file
 * @param indexManifestSha256 sha256 of the index manifest file, which names every other file's sha256
 * @param itemIdsSha256 sha256 of the bundle's item ids the index was built over
 * @param itemVectorsSha256 sha256 of the bundle's item vectors the index was built over
 * @param out the local index directory written
 * @param upload the MLflow artifact directory it was uploaded to, or null when not uploaded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildIndexSummary(
        String modelName,
        String modelVersion,
        int items,
        int dim,
        MipsStrategy mips,
        int maxDegree,
        int beamWidth,
        int overquery,
        double buildSeconds,
        int probeQueries,
        double probeRecallAt10,
        long graphBytes,
        String indexManifestSha256,
        String itemIdsSha256,
        String itemVectorsSha256,
        String out,
        String upload) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One line of JSON (no line break inside). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary of strings and numbers always serialises", e);
        }
    }
}
