/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.api.crd.v1alpha1.recindex.HnswSpec;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.StorageType;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.ServedPair;
import dev.tandem.api.naming.RecIndexNames;
import dev.tandem.bundle.IndexLayout;
import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.operator.config.OperatorConfig;
import dev.tandem.operator.mlflow.MlflowRegistries;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The indexes a RecIndex keeps in MLflow: finding one already built for a build key (a key built before, whose Job was
 * removed, and asked for again), and retiring those of an archived model version — every build directory of this
 * RecIndex beside that version's bundle is deleted through MLflow's artifact proxy, except one a Rollout serves (its
 * live, preview or retiring pair), which stays as long as it does.
 */
@ApplicationScoped
public class IndexArtifacts {

    private static final Logger LOG = Logger.getLogger(IndexArtifacts.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MlflowRegistries mlflow;
    private final OperatorConfig config;

    public IndexArtifacts(MlflowRegistries mlflow, OperatorConfig config) {
        this.mlflow = mlflow;
        this.config = config;
    }

    /**
     * The index already at the plan's MLflow location, when its manifest says it is the one the plan asks for: build
     * Jobs refuse to upload over an index, so asking again for a key built earlier (a spec change reverted after the
     * old Job was removed) finds that index rather than building it. Empty for storage on a claim, or when there is
     * no such index or it cannot be read.
     */
    public Optional<ExistingIndex> existing(BuildPlan plan, HnswSpec hnsw) {
        if (plan.onClaim()) {
            return Optional.empty();
        }
        Path manifest = null;
        try {
            Files.createDirectories(config.workDir());
            manifest = Files.createTempFile(config.workDir(), "index-manifest", ".json");
            mlflow.artifacts(plan.trackingUri()).download(plan.location() + "/" + IndexLayout.MANIFEST, manifest);
            return asBuilt(JSON.readTree(manifest.toFile()), plan, hnsw);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("cannot read the index at %s: %s", plan.location(), e.getMessage());
            return Optional.empty();
        } finally {
            if (manifest != null) {
                try {
                    Files.deleteIfExists(manifest);
                } catch (IOException ignored) {
                    // a leftover temporary file in the work directory is harmless
                }
            }
        }
    }

    /** The figures of an index manifest, if it belongs to the plan's model version, embeddings and parameters. */
    static Optional<ExistingIndex> asBuilt(JsonNode manifest, BuildPlan plan, HnswSpec hnsw) {
        JsonNode params = manifest.path("params");
        boolean same = plan.modelVersion().equals(manifest.path("modelVersion").asText())
                && (plan.embeddingsSha256() == null
                        || plan.embeddingsSha256()
                                .equals(manifest.path("itemVectorsSha256").asText()))
                && params.path("maxDegree").asInt() == hnsw.getMaxDegree()
                && params.path("beamWidth").asInt() == hnsw.getBeamWidth()
                && params.path("overquery").asInt() == hnsw.getOverquery()
                && hnsw.getMips().cliValue().equals(manifest.path("reduction").asText());
        if (!same || !manifest.hasNonNull("itemCount") || !manifest.hasNonNull("probeRecallAt10")) {
            return Optional.empty();
        }
        String createdAt = manifest.path("createdAt").asText("");
        return Optional.of(new ExistingIndex(
                new BuildSummary.Built(
                        manifest.path("modelName").asText(),
                        manifest.path("modelVersion").asText(),
                        manifest.path("itemCount").asInt(),
                        manifest.path("embeddingDim").asInt(),
                        Math.round(manifest.path("buildSeconds").asDouble() * 1000) / 1000.0,
                        manifest.path("probeQueries").asInt(),
                        manifest.path("probeRecallAt10").asDouble(),
                        manifest.path("itemVectorsSha256").asText(),
                        plan.location()),
                createdAt.isEmpty() ? null : createdAt.replaceAll("\\.\\d+Z$", "Z")));
    }

    /**
     * An index found at a build's location.
     *
     * @param figures what its manifest says, as a build's summary would
     * @param createdAt when it was written (RFC 3339, whole seconds), or null
     */
    public record ExistingIndex(BuildSummary.Built figures, String createdAt) {}

    /**
     * @param rollouts the Rollouts that name this RecIndex (in their spec or status)
     */
    public ArchiveOutcome retire(RecIndex index, ModelSituation.Archived archived, Collection<Rollout> rollouts) {
        String name = index.getMetadata().getName();
        Map<String, List<String>> servedBy = servedLocations(name, rollouts);
        if (index.getSpec().getStorage().getType() == StorageType.PERSISTENT_VOLUME_CLAIM) {
            return servedBy.isEmpty()
                    ? new ArchiveOutcome.LeftOnClaim(
                            index.getSpec().getStorage().getClaimName())
                    : new ArchiveOutcome.Kept(rolloutsOf(servedBy.values()), List.of());
        }
        if (archived.artifactUri() == null) {
            return new ArchiveOutcome.Removed(List.of());
        }
        try {
            MlflowArtifactProxy proxy = mlflow.artifacts(archived.trackingUri());
            String directory = RecIndexNames.mlflowIndexDirectory(
                    archived.artifactUri(), index.getMetadata().getNamespace());
            Pattern ours = Pattern.compile(Pattern.quote(name) + "-[0-9a-f]{" + BuildKey.LENGTH + "}");
            List<String> removed = new ArrayList<>();
            List<List<String>> kept = new ArrayList<>();
            for (MlflowArtifactProxy.Entry entry : proxy.list(directory)) {
                String entryName = entry.path().substring(entry.path().lastIndexOf('/') + 1);
                if (!entry.directory() || !ours.matcher(entryName).matches()) {
                    continue;
                }
                String location = directory + "/" + entryName;
                if (servedBy.containsKey(location)) {
                    kept.add(servedBy.get(location));
                    continue;
                }
                proxy.delete(location);
                LOG.infof("removed index %s of archived %s", location, archived.describe());
                removed.add(location);
            }
            return kept.isEmpty()
                    ? new ArchiveOutcome.Removed(removed)
                    : new ArchiveOutcome.Kept(rolloutsOf(kept), removed);
        } catch (RuntimeException e) {
            // MLflow refused or was unreachable (or the artifact URI is not served by its proxy): said in status,
            // retried.
            return new ArchiveOutcome.CleanupFailed(Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    /** Index locations of this RecIndex that Rollouts serve, each with the Rollouts serving it. */
    private static Map<String, List<String>> servedLocations(String recIndex, Collection<Rollout> rollouts) {
        Map<String, List<String>> served = new LinkedHashMap<>();
        for (Rollout rollout : rollouts) {
            var status = rollout.getStatus();
            if (status == null) {
                continue;
            }
            Stream.of(status.getActive(), status.getPreview(), status.getRetiring())
                    .filter(Objects::nonNull)
                    .filter(pair -> recIndex.equals(pair.getIndexRef()) && pair.getIndexLocation() != null)
                    .map(ServedPair::getIndexLocation)
                    .map(location -> location.replaceAll("/+$", ""))
                    .forEach(location -> served.computeIfAbsent(location, l -> new ArrayList<>())
                            .add(rollout.getMetadata().getName()));
        }
        return served;
    }

    private static List<String> rolloutsOf(Collection<List<String>> lists) {
        return lists.stream().flatMap(List::stream).distinct().sorted().toList();
    }
}
