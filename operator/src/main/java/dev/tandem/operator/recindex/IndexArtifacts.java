/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.operator.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.operator.crd.v1alpha1.recindex.StorageType;
import dev.tandem.operator.crd.v1alpha1.rollout.Rollout;
import dev.tandem.operator.crd.v1alpha1.rollout.ServedPair;
import dev.tandem.operator.mlflow.MlflowRegistries;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Retires the indexes a RecIndex built from an archived model version: every build directory of this RecIndex beside
 * that version's bundle is deleted through MLflow's artifact proxy, except one a Rollout serves (its live, preview or
 * retiring pair), which stays as long as it does.
 */
@ApplicationScoped
public class IndexArtifacts {

    private static final Logger LOG = Logger.getLogger(IndexArtifacts.class);

    private final MlflowRegistries mlflow;

    public IndexArtifacts(MlflowRegistries mlflow) {
        this.mlflow = mlflow;
    }

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
