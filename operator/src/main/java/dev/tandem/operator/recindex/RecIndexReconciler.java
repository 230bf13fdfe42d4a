/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import dev.tandem.api.crd.v1alpha1.recindex.IndexPhase;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexReason;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexStatus;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.naming.RecIndexNames;
import dev.tandem.api.naming.TandemLabels;
import dev.tandem.operator.config.OperatorConfig;
import dev.tandem.operator.events.TransitionEvents;
import dev.tandem.operator.metrics.OperatorMetrics;
import dev.tandem.operator.recindex.dependent.BuildJob;
import dev.tandem.operator.recindex.dependent.BuildNeeded;
import dev.tandem.operator.status.ReconcileFailures;
import dev.tandem.operator.status.StatusWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a RecIndex's HNSW index with a Job: read the RecModel, let the workflow make the build Job of the current
 * build key, read the Job's result into status (built in {@link RecIndexStatusBuilder}), then tidy up — Jobs of
 * superseded keys once a newer index is recorded, and the index itself when the model version is archived and no
 * Rollout serves it.
 */
@ControllerConfiguration(name = RecIndexReconciler.NAME)
@Workflow(
        explicitInvocation = true,
        dependents = {@Dependent(name = "build-job", type = BuildJob.class, reconcilePrecondition = BuildNeeded.class)})
public class RecIndexReconciler implements Reconciler<RecIndex> {

    public static final String NAME = "recindex";
    private static final String KIND = HasMetadata.getKind(RecIndex.class);

    private final IndexArtifacts artifacts;
    private final TransitionEvents events;
    private final OperatorMetrics metrics;
    private final ReconcileFailures failures;
    private final OperatorConfig config;
    private final Clock clock;

    public RecIndexReconciler(
            IndexArtifacts artifacts,
            TransitionEvents events,
            OperatorMetrics metrics,
            ReconcileFailures failures,
            OperatorConfig config,
            Clock clock) {
        this.artifacts = artifacts;
        this.events = events;
        this.metrics = metrics;
        this.failures = failures;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, RecIndex>> prepareEventSources(EventSourceContext<RecIndex> context) {
        // A model that resolves, moves to another version or is archived wakes the RecIndexes built from it; the
        // reverse mapping finds a RecIndex's model even when the RecIndex was created after it.
        var models = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(RecModel.class, RecIndex.class)
                        .withName("models")
                        .withSecondaryToPrimaryMapper(model -> context.getPrimaryCache()
                                .list(model.getMetadata().getNamespace())
                                .filter(index -> model.getMetadata()
                                        .getName()
                                        .equals(index.getSpec().getModelRef()))
                                .map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                        .withPrimaryToSecondaryMapper((RecIndex index) -> Set.of(new ResourceID(
                                index.getSpec().getModelRef(),
                                index.getMetadata().getNamespace())))
                        .build(),
                context);
        // Pods carry the build's termination message, which the Job itself does not.
        var pods = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Pod.class, RecIndex.class)
                        .withName("build-pods")
                        .withLabelSelector(TandemLabels.REC_INDEX_SELECTOR)
                        .withSecondaryToPrimaryMapper(pod -> context.getPrimaryCache()
                                .list(pod.getMetadata().getNamespace())
                                .filter(index -> RecIndexNames.recIndexLabel(
                                                index.getMetadata().getName())
                                        .equals(pod.getMetadata().getLabels().get(TandemLabels.REC_INDEX)))
                                .map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                        .build(),
                context);
        // Rollouts that serve an index keep it when its model version is archived; when they let go, it can go.
        var rollouts = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Rollout.class, RecIndex.class)
                        .withName("rollouts")
                        .withSecondaryToPrimaryMapper(RecIndexReconciler::indexesNamedBy)
                        .build(),
                context);
        return List.of(models, pods, rollouts);
    }

    @Override
    public UpdateControl<RecIndex> reconcile(RecIndex index, Context<RecIndex> context) {
        metrics.reconciled(KIND);
        RecModel model = context.getSecondaryResource(RecModel.class).orElse(null);
        ModelSituation situation = ModelSituation.of(index, model);
        BuildObservation build = BuildObservation.absent();
        ArchiveOutcome archive = new ArchiveOutcome.None();

        if (situation instanceof ModelSituation.Buildable buildable) {
            build = build(index, buildable.plan(), BuildNeeded.needed(index, situation), context);
        } else if (situation instanceof ModelSituation.Archived archived && !alreadyRetired(index)) {
            archive = artifacts.retire(index, archived, context.getSecondaryResources(Rollout.class));
        }

        RecIndexStatusBuilder.Result result = RecIndexStatusBuilder.build(index, situation, build, archive, clock);
        StatusWriter.store(index, result.status(), context);
        for (RecIndexStatusBuilder.Transition t : result.transitions()) {
            events.recordReported(index, t.warning(), t.reason(), t.message());
        }
        tidyJobs(index, situation, archive, result.status(), context);

        boolean inMotion =
                result.status().getPhase() == IndexPhase.Building || archive instanceof ArchiveOutcome.CleanupFailed;
        return UpdateControl.<RecIndex>noUpdate()
                .rescheduleAfter(inMotion ? config.progressInterval() : config.resyncInterval());
    }

    /**
     * Makes the current key's Job follow the spec (retrying a failure the spec has changed since, creating a missing
     * one) and says what it shows.
     *
     * @param needed whether the key's index is not recorded yet ({@link BuildNeeded})
     */
    private BuildObservation build(RecIndex index, BuildPlan plan, boolean needed, Context<RecIndex> context) {
        String jobName = plan.jobName();
        BuildObservation build = observe(jobName, context);
        if (BuildJobHousekeeping.retryAfterSpecChange(
                context.getClient(),
                index.getMetadata().getGeneration(),
                jobName,
                build,
                context.getSecondaryResources(Job.class))) {
            events.normal(
                    index,
                    RecIndexReason.BuildRetried,
                    "Job " + jobName + " failed before the spec changed; it runs again");
            return BuildObservation.absent();
        }
        context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
        build = observe(jobName, context);
        if (needed && build.foundAnIndex()) {
            build = artifacts
                    .existing(plan, index.getSpec().getHnsw())
                    .map(found -> BuildObservation.found(found.figures(), found.createdAt()))
                    .orElse(build);
        }
        return build;
    }

    @Override
    public ErrorStatusUpdateControl<RecIndex> updateErrorStatus(
            RecIndex index, Context<RecIndex> context, Exception e) {
        return failures.handle(KIND, context, e);
    }

    private static BuildObservation observe(String jobName, Context<RecIndex> context) {
        return BuildObservation.of(
                jobName, context.getSecondaryResources(Job.class), context.getSecondaryResources(Pod.class));
    }

    private static boolean alreadyRetired(RecIndex index) {
        return index.getStatus() != null && index.getStatus().getPhase() == IndexPhase.Archived;
    }

    /** Jobs of superseded keys go once a newer index is recorded; all of them once the index is retired. */
    private void tidyJobs(
            RecIndex index,
            ModelSituation situation,
            ArchiveOutcome archive,
            RecIndexStatus status,
            Context<RecIndex> context) {
        Set<Job> jobs = context.getSecondaryResources(Job.class);
        List<String> removed = List.of();
        if (situation instanceof ModelSituation.Buildable && status.getPhase() == IndexPhase.Built) {
            removed = BuildJobHousekeeping.removeAllBut(context.getClient(), status.getJobName(), jobs);
        } else if (archive instanceof ArchiveOutcome.Removed || archive instanceof ArchiveOutcome.LeftOnClaim) {
            removed = BuildJobHousekeeping.removeAllBut(context.getClient(), null, jobs);
        }
        if (!removed.isEmpty()) {
            events.normal(index, RecIndexReason.JobsRemoved, "build Jobs " + String.join(", ", removed) + " removed");
        }
    }

    private static Set<ResourceID> indexesNamedBy(Rollout rollout) {
        String namespace = rollout.getMetadata().getNamespace();
        var status = rollout.getStatus();
        Stream<String> fromStatus = status == null
                ? Stream.empty()
                : Stream.of(status.getActive(), status.getPreview(), status.getRetiring())
                        .filter(Objects::nonNull)
                        .map(pair -> pair.getIndexRef());
        Stream<String> fromSpec = rollout.getSpec() == null || rollout.getSpec().getPair() == null
                ? Stream.empty()
                : Stream.of(rollout.getSpec().getPair().getIndexRef());
        return Stream.concat(fromSpec, fromStatus)
                .filter(Objects::nonNull)
                .map(name -> new ResourceID(name, namespace))
                .collect(Collectors.toSet());
    }
}
