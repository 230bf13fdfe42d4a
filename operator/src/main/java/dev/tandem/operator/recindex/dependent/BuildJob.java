/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex.dependent;

import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.naming.TandemLabels;
import dev.tandem.operator.recindex.BuildJobs;
import dev.tandem.operator.recindex.BuildPlan;
import dev.tandem.operator.recindex.ModelSituation;
import dev.tandem.operator.workload.ServingImages;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The build Job of the RecIndex's current build key. It is created, never updated (a Job's pod template cannot
 * change; a different build is a different key and so a different Job), and owned by the RecIndex, so deleting the
 * RecIndex deletes its Jobs. Jobs of earlier keys stay until a newer build completes; the reconciler removes them.
 *
 * <p>It is deliberately not a {@code Deleter} (nor {@code GarbageCollected}, which is one): the workflow deletes a
 * deleter whenever its precondition does not hold, which would remove a finished Job (and its result) as soon as its
 * index is recorded, or stop a running build while its RecModel is briefly not Ready. The owner reference is added
 * here instead, and Job events are mapped back through it.
 */
@KubernetesDependent(informer = @Informer(name = "build-jobs", labelSelector = TandemLabels.REC_INDEX_SELECTOR))
public class BuildJob extends KubernetesDependentResource<Job, RecIndex>
        implements Creator<Job, RecIndex>, SecondaryToPrimaryMapper<Job> {

    private static final SecondaryToPrimaryMapper<Job> OWNER = Mappers.fromOwnerReferences(RecIndex.class);

    @Inject
    ServingImages images;

    public BuildJob() {
        super(Job.class);
    }

    @Override
    protected Job desired(RecIndex index, Context<RecIndex> context) {
        return BuildJobs.desired(index, plan(index, context), images.cpu(), images.pullPolicy());
    }

    // The Job of the current key is the one among the RecIndex's Jobs that this dependent manages.
    @Override
    protected ResourceID targetSecondaryResourceID(RecIndex index, Context<RecIndex> context) {
        return new ResourceID(
                plan(index, context).jobName(), index.getMetadata().getNamespace());
    }

    @Override
    protected boolean addOwnerReference() {
        return true;
    }

    @Override
    public Set<ResourceID> toPrimaryResourceIDs(Job job) {
        return OWNER.toPrimaryResourceIDs(job);
    }

    private static BuildPlan plan(RecIndex index, Context<RecIndex> context) {
        RecModel model = context.getSecondaryResource(RecModel.class).orElse(null);
        if (ModelSituation.of(index, model) instanceof ModelSituation.Buildable buildable) {
            return buildable.plan();
        }
        throw new IllegalStateException("RecIndex " + index.getMetadata().getName()
                + " has no build to run: the workflow's BuildNeeded precondition should have held the Job back");
    }
}
