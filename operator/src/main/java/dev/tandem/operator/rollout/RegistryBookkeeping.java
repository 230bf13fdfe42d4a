/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.rollout.SwapRecord;
import dev.tandem.api.crd.v1alpha1.rollout.SwapResult;
import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.api.mlflow.ModelAlias;
import dev.tandem.api.mlflow.ModelStage;
import dev.tandem.mlflow.MlflowApiException;
import dev.tandem.mlflow.ModelRegistry;
import dev.tandem.operator.mlflow.MlflowRegistries;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/**
 * Records a swap's outcome in the MLflow registry: a promoted version becomes alias {@code champion} and stage
 * Production, the version it replaced stage Archived (reason: replaced); a version whose pair failed its analysis
 * becomes stage Archived with the reason. Every call is idempotent, so a record is simply retried until MLflow has it.
 */
@ApplicationScoped
public class RegistryBookkeeping {

    private static final Logger LOG = Logger.getLogger(RegistryBookkeeping.class);

    private final MlflowRegistries registries;

    public RegistryBookkeeping(MlflowRegistries registries) {
        this.registries = registries;
    }

    /** Writes the record's outcome to MLflow; false when MLflow could not be reached or refused (retried later). */
    public boolean record(SwapRecord record) {
        ModelRegistry registry = registries.registry(record.getTrackingUri());
        String model = record.getModelName();
        try {
            if (record.getResult() == SwapResult.Promoted) {
                registry.setAlias(model, ModelAlias.CHAMPION.alias(), record.getModelVersion());
                registry.transitionStage(model, record.getModelVersion(), ModelStage.Production.name(), false);
                String replaced = record.getReplacedModelVersion();
                if (replaced != null && !replaced.equals(record.getModelVersion())) {
                    registry.transitionStage(model, replaced, ModelStage.Archived.name(), false);
                    registry.setVersionTag(
                            model,
                            replaced,
                            MlflowTags.ARCHIVE_REASON,
                            "replaced by version " + record.getModelVersion());
                }
            } else {
                registry.transitionStage(model, record.getModelVersion(), ModelStage.Archived.name(), false);
                registry.setVersionTag(
                        model,
                        record.getModelVersion(),
                        MlflowTags.ARCHIVE_REASON,
                        abbreviate(record.getReason() + ": " + record.getMessage()));
            }
            return true;
        } catch (MlflowApiException | UncheckedIOException e) {
            LOG.warnf(
                    "MLflow at %s did not record %s of %s version %s (retried): %s",
                    record.getTrackingUri(), record.getResult(), model, record.getModelVersion(), e.getMessage());
            return false;
        }
    }

    // MLflow caps tag values at 5000 characters.
    private static String abbreviate(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 4000) + "…";
    }
}
