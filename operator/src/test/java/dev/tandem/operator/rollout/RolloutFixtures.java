/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.rollout.AnalysisResult;
import dev.tandem.api.crd.v1alpha1.rollout.Colour;
import dev.tandem.api.crd.v1alpha1.rollout.PairRef;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutSpec;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutStatus;
import dev.tandem.api.naming.RolloutNames;
import dev.tandem.operator.rollout.SlotObservation.PodProblem;
import dev.tandem.operator.rollout.SlotObservation.PodView;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rollouts, pairs and pods for the pure tests of the Rollout's pieces. */
final class RolloutFixtures {

    private RolloutFixtures() {}

    static Rollout rollout(int replicas, int previewReplicas) {
        Rollout rollout = new Rollout();
        rollout.setMetadata(new ObjectMetaBuilder()
                .withName("movies")
                .withNamespace("recs")
                .withGeneration(1L)
                .withUid("uid-1")
                .build());
        RolloutSpec spec = new RolloutSpec();
        spec.setServiceName("movies-api");
        spec.setPair(new PairRef("movies", "movies-index"));
        spec.setReplicas(replicas);
        spec.getStrategy().getBlueGreen().setPreviewReplicas(previewReplicas);
        rollout.setSpec(spec);
        return rollout;
    }

    static TargetPair pair(String version, String buildKey) {
        return new TargetPair(
                RolloutNames.pair(version, buildKey),
                "movies",
                "http://mlflow:5000",
                "movies-dnn",
                version,
                "movies-index",
                buildKey,
                "mlflow-artifacts:/1/run" + version + "/artifacts/tandem-indexes/" + buildKey);
    }

    static PairResolution resolved(TargetPair pair) {
        return PairResolution.of(pair);
    }

    /** Slots with the given ready pods per (colour, pair). */
    static SlotsBuilder slots() {
        return new SlotsBuilder();
    }

    static AnalysisResult passed(String pair) {
        AnalysisResult result = new AnalysisResult();
        result.setPair(pair);
        result.setPassed(true);
        result.setMessage("recall@10 0.99, p99 3 ms");
        return result;
    }

    static AnalysisResult failed(String pair, String reason) {
        AnalysisResult result = new AnalysisResult();
        result.setPair(pair);
        result.setPassed(false);
        result.setReason(reason);
        result.setMessage("recall@10 0.41 (min 0.90)");
        return result;
    }

    /** Applies a plan the way the reconciler stores it. */
    static void store(Rollout rollout, SwapPlanner.Plan plan) {
        RolloutStatus status = plan.status();
        rollout.setStatus(status);
    }

    static final class SlotsBuilder {
        private final Map<Colour, List<PodView>> pods = new EnumMap<>(Colour.class);

        SlotsBuilder ready(Colour colour, TargetPair pair, int count) {
            for (int i = 0; i < count; i++) {
                pods.computeIfAbsent(colour, c -> new ArrayList<>())
                        .add(new PodView(
                                pair.pair() + "-" + i,
                                pair.pair(),
                                true,
                                "198.18.0." + (10 + i),
                                false,
                                Optional.empty()));
            }
            return this;
        }

        SlotsBuilder stuck(Colour colour, TargetPair pair, String reason, String message) {
            pods.computeIfAbsent(colour, c -> new ArrayList<>())
                    .add(new PodView(
                            pair.pair() + "-stuck",
                            pair.pair(),
                            false,
                            "",
                            false,
                            Optional.of(new PodProblem(reason, message))));
            return this;
        }

        Map<Colour, SlotObservation> build() {
            Map<Colour, SlotObservation> slots = new EnumMap<>(Colour.class);
            for (Colour colour : Colour.values()) {
                slots.put(colour, new SlotObservation(colour, pods.getOrDefault(colour, List.of())));
            }
            return slots;
        }
    }
}
