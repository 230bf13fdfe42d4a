/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.ServedPair;
import dev.tandem.api.naming.RolloutNames;

/**
 * The pair a Rollout's spec asks for, resolved to exactly what pods load: the RecModel's resolved version and the
 * RecIndex build made from it.
 *
 * @param pair the pair's name ({@link RolloutNames#pair})
 * @param modelRef the RecModel
 * @param trackingUri MLflow, where pods load the model
 * @param modelName the registered model
 * @param modelVersion the resolved version
 * @param indexRef the RecIndex
 * @param indexBuildKey the index build
 * @param indexLocation where pods load the index from (artifact URI, or {@code pvc://claim/path})
 */
public record TargetPair(
        String pair,
        String modelRef,
        String trackingUri,
        String modelName,
        String modelVersion,
        String indexRef,
        String indexBuildKey,
        String indexLocation) {

    /** The pair pinned in a slot, as status records it. */
    public ServedPair toServed(Colour colour, int replicas, String now) {
        ServedPair served = new ServedPair();
        served.setPair(pair);
        served.setColour(colour);
        served.setModelRef(modelRef);
        served.setTrackingUri(trackingUri);
        served.setModelName(modelName);
        served.setModelVersion(modelVersion);
        served.setIndexRef(indexRef);
        served.setIndexBuildKey(indexBuildKey);
        served.setIndexLocation(indexLocation);
        served.setReplicas(replicas);
        served.setReadyReplicas(0);
        served.setDeployedAt(now);
        return served;
    }
}
