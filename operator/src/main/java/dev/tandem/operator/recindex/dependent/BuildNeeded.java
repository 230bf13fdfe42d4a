/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex.dependent;

import dev.tandem.api.crd.v1alpha1.recindex.IndexPhase;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.operator.recindex.ModelSituation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Precondition of the build Job: the RecModel is resolved and verified (not archived), and the index of the current
 * build key is not recorded as built yet. Once it is, a deleted Job is not made again (it would find its own index and
 * fail). While it does not hold, existing Jobs are left alone ({@link BuildJob} is no deleter).
 */
public class BuildNeeded implements Condition<Job, RecIndex> {

    @Override
    public boolean isMet(DependentResource<Job, RecIndex> dependent, RecIndex index, Context<RecIndex> context) {
        RecModel model = context.getSecondaryResource(RecModel.class).orElse(null);
        return needed(index, ModelSituation.of(index, model));
    }

    /** Whether a Job must exist for the current build key. */
    public static boolean needed(RecIndex index, ModelSituation situation) {
        if (!(situation instanceof ModelSituation.Buildable buildable)) {
            return false;
        }
        var status = index.getStatus();
        return status == null
                || status.getPhase() != IndexPhase.Built
                || !buildable.plan().buildKey().equals(status.getBuildKey());
    }
}
