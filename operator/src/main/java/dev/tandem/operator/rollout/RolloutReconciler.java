/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.common.ConditionTypes;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutReason;
import dev.tandem.api.crd.v1alpha1.rollout.SwapRecord;
import dev.tandem.api.crd.v1alpha1.rollout.SwapResult;
import dev.tandem.api.naming.TandemLabels;
import dev.tandem.operator.config.OperatorConfig;
import dev.tandem.operator.events.TransitionEvents;
import dev.tandem.operator.metrics.OperatorMetrics;
import dev.tandem.operator.metrics.RolloutGauges;
import dev.tandem.operator.notify.ChatNotifications;
import dev.tandem.operator.rollout.analysis.AnalysisThresholds;
import dev.tandem.operator.rollout.analysis.PairAnalysis;
import dev.tandem.operator.rollout.dependent.ActiveService;
import dev.tandem.operator.rollout.dependent.BlueDeployment;
import dev.tandem.operator.rollout.dependent.GreenDeployment;
import dev.tandem.operator.rollout.dependent.PairPresent;
import dev.tandem.operator.rollout.dependent.PreviewService;
import dev.tandem.operator.rollout.dependent.SlotOccupied;
import dev.tandem.operator.status.ReconcileFailures;
import dev.tandem.operator.status.StatusWriter;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Serves a Rollout's pair and swaps it blue/green: resolve the pair, plan the next step from status and the pods seen,
 * store that status, then let the workflow make the Deployments and Services follow it, and record finished swaps in
 * MLflow.
 */
@ControllerConfiguration(name = RolloutReconciler.NAME)
@Workflow(
        explicitInvocation = true,
        dependents = {
            @Dependent(name = "blue", type = BlueDeployment.class, reconcilePrecondition = SlotOccupied.Blue.class),
            @Dependent(name = "green", type = GreenDeployment.class, reconcilePrecondition = SlotOccupied.Green.class),
            @Dependent(
                    name = "active-service",
                    type = ActiveService.class,
                    reconcilePrecondition = PairPresent.Active.class),
            @Dependent(
                    name = "preview-service",
                    type = PreviewService.class,
                    reconcilePrecondition = PairPresent.Preview.class)
        })
public class RolloutReconciler implements Reconciler<Rollout>, Cleaner<Rollout> {

    public static final String NAME = "rollout";
    private static final Logger LOG = Logger.getLogger(RolloutReconciler.class);
    private static final String KIND = HasMetadata.getKind(Rollout.class);

    private final PairAnalysis analysis;
    private final RegistryBookkeeping bookkeeping;
    private final TransitionEvents events;
    private final OperatorMetrics metrics;
    private final RolloutGauges gauges;
    private final ChatNotifications chat;
    private final ReconcileFailures failures;
    private final OperatorConfig config;
    private final Clock clock;

    public RolloutReconciler(
            PairAnalysis analysis,
            RegistryBookkeeping bookkeeping,
            TransitionEvents events,
            OperatorMetrics metrics,
            RolloutGauges gauges,
            ChatNotifications chat,
            ReconcileFailures failures,
            OperatorConfig config,
            Clock clock) {
        this.analysis = analysis;
        this.bookkeeping = bookkeeping;
        this.events = events;
        this.metrics = metrics;
        this.gauges = gauges;
        this.chat = chat;
        this.failures = failures;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, Rollout>> prepareEventSources(EventSourceContext<Rollout> context) {
        var pods = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Pod.class, Rollout.class)
                        .withName("serving-pods")
                        .withLabelSelector(TandemLabels.ROLLOUT_SELECTOR)
                        .withSecondaryToPrimaryMapper(pod -> Set.of(new ResourceID(
                                pod.getMetadata().getLabels().get(TandemLabels.ROLLOUT),
                                pod.getMetadata().getNamespace())))
                        .build(),
                context);
        var models = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(RecModel.class, Rollout.class)
                        .withName("models")
                        .withSecondaryToPrimaryMapper(model -> referencing(
                                context, model, r -> r.getSpec().getPair().getModelRef()))
                        .build(),
                context);
        var indexes = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(RecIndex.class, Rollout.class)
                        .withName("indexes")
                        .withSecondaryToPrimaryMapper(index -> referencing(
                                context, index, r -> r.getSpec().getPair().getIndexRef()))
                        .build(),
                context);
        return List.of(pods, models, indexes);
    }

    @Override
    public UpdateControl<Rollout> reconcile(Rollout rollout, Context<Rollout> context) {
        metrics.reconciled(KIND);
        String namespace = rollout.getMetadata().getNamespace();
        var pair = rollout.getSpec().getPair();
        // Looked up by name in the informers' caches: the secondary index only knows objects whose Rollout existed
        // when they last changed.
        RecModel model = cached(context, RecModel.class, pair.getModelRef(), namespace);
        RecIndex index = cached(context, RecIndex.class, pair.getIndexRef(), namespace);
        PairResolution resolution = PairResolver.resolve(pair, model, index);
        Map<Colour, SlotObservation> slots = observe(context.getSecondaryResources(Pod.class));

        SwapPlanner.Plan plan = SwapPlanner.plan(
                rollout,
                resolution,
                slots,
                (candidate, ready) -> analysis.analyse(
                        candidate,
                        ready,
                        AnalysisThresholds.of(
                                rollout.getSpec().getStrategy().getBlueGreen().getAnalysis(), config.analysis())),
                clock.instant());

        var before = rollout.getStatus() == null
                ? null
                : rollout.getStatus().condition(ConditionTypes.DEGRADED).orElse(null);
        // The decision is stored before any object follows it: a restarted operator resumes from it.
        StatusWriter.store(rollout, plan.status(), context);
        gauges.observe(rollout);
        announce(rollout, plan);
        announceDegraded(rollout, before);
        context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
        recordInRegistry(rollout, context);

        return UpdateControl.<Rollout>noUpdate()
                .rescheduleAfter(plan.inMotion() ? config.progressInterval() : config.resyncInterval());
    }

    @Override
    public ErrorStatusUpdateControl<Rollout> updateErrorStatus(Rollout rollout, Context<Rollout> context, Exception e) {
        return failures.handle(KIND, context, e);
    }

    @Override
    public DeleteControl cleanup(Rollout rollout, Context<Rollout> context) {
        // Owner references would let the garbage collector remove the objects later; removing them now stops the
        // serving pods before the Rollout is gone, and only objects labelled with this Rollout are touched.
        var client = context.getClient();
        String namespace = rollout.getMetadata().getNamespace();
        Map<String, String> selector = Map.of(
                TandemLabels.ROLLOUT,
                rollout.getMetadata().getName(),
                TandemLabels.MANAGED_BY,
                TandemLabels.MANAGED_BY_VALUE);
        client.apps().deployments().inNamespace(namespace).withLabels(selector).delete();
        client.services().inNamespace(namespace).withLabels(selector).delete();
        events.normal(
                rollout,
                RolloutReason.Deleted,
                "serving Deployments and Services of " + rollout.getMetadata().getName() + " removed");
        gauges.forget(rollout);
        return DeleteControl.defaultDelete();
    }

    private void announce(Rollout rollout, SwapPlanner.Plan plan) {
        if (plan.swapStarted()) {
            metrics.swapStarted();
        }
        for (SwapPlanner.Transition t : plan.transitions()) {
            LOG.infof(
                    "Rollout %s/%s: %s: %s",
                    rollout.getMetadata().getNamespace(), rollout.getMetadata().getName(), t.reason(), t.message());
            events.record(rollout, t.warning(), t.reason(), t.message());
            t.swapEnded().ifPresent(end -> metrics.swapEnded(end.result(), end.took()));
            if (t.swapEnded().isPresent() || t.reason() == RolloutReason.PairLive) {
                // What people watch a rollout for: a pair live, a swap promoted or aborted. The steps between stay
                // in Events.
                chat.post(chatMessage(rollout, t));
            }
        }
    }

    static String chatMessage(Rollout rollout, SwapPlanner.Transition t) {
        String took = t.swapEnded()
                .map(end -> " (swap took " + end.took().toSeconds() + " s)")
                .orElse("");
        return "Rollout " + rollout.getMetadata().getNamespace() + "/"
                + rollout.getMetadata().getName() + ": " + t.reason() + ": " + t.message() + took;
    }

    /** A Degraded condition that flips is a transition too: the pods' problem, or that it went away. */
    private void announceDegraded(Rollout rollout, Condition before) {
        var after = rollout.getStatus().condition(ConditionTypes.DEGRADED).orElse(null);
        if (after == null
                || (before != null
                        && before.getStatus().equals(after.getStatus())
                        && before.getReason().equals(after.getReason()))) {
            return;
        }
        if ("True".equals(after.getStatus())) {
            events.recordReported(rollout, true, after.getReason(), after.getMessage());
        } else if (before != null && "True".equals(before.getStatus())) {
            events.normal(rollout, RolloutReason.Recovered, "no longer degraded (was " + before.getReason() + ")");
        }
    }

    private void recordInRegistry(Rollout rollout, Context<Rollout> context) {
        List<SwapRecord> history = rollout.getStatus().getHistory();
        if (history == null || history.stream().allMatch(SwapRecord::isRegistryUpdated)) {
            return;
        }
        boolean changed = false;
        for (SwapRecord record : history) {
            if (!record.isRegistryUpdated() && bookkeeping.record(record)) {
                record.setRegistryUpdated(true);
                changed = true;
                events.normal(
                        rollout,
                        RolloutReason.RegistryUpdated,
                        "MLflow records " + record.getModelName() + " version "
                                + record.getModelVersion() + " as "
                                + (record.getResult() == SwapResult.Promoted
                                        ? "champion (stage Production)"
                                        : "Archived (" + record.getReason() + ")"));
            }
        }
        if (changed) {
            StatusWriter.replaceStatus(rollout, context);
        }
    }

    private static <R extends HasMetadata> R cached(
            Context<Rollout> context, Class<R> type, String name, String namespace) {
        var source =
                (InformerEventSource<R, Rollout>) context.eventSourceRetriever().getEventSourceFor(type);
        return source.get(new ResourceID(name, namespace)).orElse(null);
    }

    private static Map<Colour, SlotObservation> observe(Set<Pod> pods) {
        Map<Colour, List<SlotObservation.PodView>> byColour = new EnumMap<>(Colour.class);
        for (Colour colour : Colour.values()) {
            byColour.put(colour, new ArrayList<>());
        }
        for (Pod pod : pods) {
            String colour = pod.getMetadata().getLabels().get(TandemLabels.COLOUR);
            for (Colour c : Colour.values()) {
                if (c.label().equals(colour)) {
                    byColour.get(c).add(PodViews.of(pod));
                }
            }
        }
        Map<Colour, SlotObservation> slots = new EnumMap<>(Colour.class);
        byColour.forEach((colour, views) -> slots.put(colour, new SlotObservation(colour, views)));
        return slots;
    }

    private static Set<ResourceID> referencing(
            EventSourceContext<Rollout> context, HasMetadata referenced, Function<Rollout, String> reference) {
        String namespace = referenced.getMetadata().getNamespace();
        String name = referenced.getMetadata().getName();
        return context.getPrimaryCache()
                .list(namespace)
                .filter(r -> name.equals(reference.apply(r)))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }
}
