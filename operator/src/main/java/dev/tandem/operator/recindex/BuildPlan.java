/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.StorageType;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.mlflow.ModelUri;
import dev.tandem.api.naming.RecIndexNames;
import dev.tandem.bundle.BundleLayout;
import java.util.Map;

/**
 * The build a RecIndex asks for now: its spec applied to the model version its RecModel resolved. The build Job and
 * the status are both derived from it, so they always agree on the key, the Job and the location.
 *
 * @param trackingUri MLflow, where the build fetches the bundle (and uploads to, for storage MLflow)
 * @param modelName the registered model
 * @param modelVersion the RecModel's resolved version
 * @param embeddingsSha256 the bundle's item-vector checksum the RecModel verified, or null when it reports none
 * @param buildKey {@link BuildKey}
 * @param jobName {@link RecIndexNames#job}
 * @param location where the index will be, as status and serving pods name it
 * @param upload the MLflow artifact directory build-index uploads to; null for storage PersistentVolumeClaim
 * @param claimPath the index's directory inside the claim; null for storage MLflow
 */
public record BuildPlan(
        String trackingUri,
        String modelName,
        String modelVersion,
        String embeddingsSha256,
        String buildKey,
        String jobName,
        String location,
        String upload,
        String claimPath) {

    /** The bundle as build-index takes it: the registry URI of the resolved version, never an alias. */
    public String bundleUri() {
        return ModelUri.of(modelName, modelVersion).toString();
    }

    /** Whether the index is written into a PersistentVolumeClaim rather than uploaded to MLflow. */
    public boolean onClaim() {
        return claimPath != null;
    }

    /**
     * The plan for a RecIndex whose RecModel is resolved: it has a resolved version and, for storage MLflow, an
     * artifact URI to build beside.
     */
    public static BuildPlan of(RecIndex index, RecModel model) {
        var spec = index.getSpec();
        var status = model.getStatus();
        String namespace = index.getMetadata().getNamespace();
        String name = index.getMetadata().getName();
        String modelName = model.getSpec().getRegisteredModel();
        String version = status.getResolvedVersion();
        Map<String, String> checksums = status.getChecksums();
        String embeddings = checksums == null ? null : checksums.get(BundleLayout.ITEM_VECTORS);
        String key = BuildKey.of(modelName, version, embeddings, spec.getHnsw(), spec.getStorage());
        String job = RecIndexNames.job(index, key);
        if (spec.getStorage().getType() == StorageType.PERSISTENT_VOLUME_CLAIM) {
            String path = RecIndexNames.claimPath(namespace, name, key);
            return new BuildPlan(
                    model.getSpec().getTrackingUri(),
                    modelName,
                    version,
                    embeddings,
                    key,
                    job,
                    RecIndexNames.pvcLocation(spec.getStorage().getClaimName(), path),
                    null,
                    path);
        }
        String upload = RecIndexNames.mlflowLocation(status.getArtifactUri(), namespace, name, key);
        return new BuildPlan(
                model.getSpec().getTrackingUri(), modelName, version, embeddings, key, job, upload, upload, null);
    }
}
