/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.decide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.api.mlflow.ModelAlias;
import dev.tandem.api.mlflow.ModelStage;
import dev.tandem.bundle.InvalidBundleException;
import dev.tandem.chat.ChatNotifier;
import dev.tandem.mlflow.MlflowApiException;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.evaluate.EvaluationPipeline;
import dev.tandem.trainer.mlflow.MlflowTracking;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code decide}: evaluates the candidate and the current champion on the same holdout, applies the
 * {@link DecisionRule}, and records the outcome in MLflow. A winner becomes the challenger (alias
 * {@code challenger}, stage Staging) — the operator promotes it to champion only after a successful swap; a
 * loser is archived (stage Archived) with the reason and numbers as tags. Every decision is tagged on the
 * version and its run, and sent to the chat webhook when one is configured.
 */
public final class DecisionPipeline {

    private final MlflowRestClient rest;
    private final MlflowTracking tracking;
    private final EvaluationPipeline evaluation;
    private final Optional<ChatNotifier> notifier;
    private final PrintWriter out;
    private final PrintWriter err;

    public DecisionPipeline(
            MlflowRestClient rest,
            MlflowTracking tracking,
            EvaluationPipeline evaluation,
            Optional<ChatNotifier> notifier,
            PrintWriter out,
            PrintWriter err) {
        this.rest = rest;
        this.tracking = tracking;
        this.evaluation = evaluation;
        this.notifier = notifier;
        this.out = out;
        this.err = err;
    }

    public Decision decide(
            String model,
            String candidate,
            Dataset dataset,
            double holdout,
            DecisionRule rule,
            String metric,
            Path work)
            throws InvalidBundleException {
        Optional<String> champion = champion(model);
        if (champion.isPresent() && champion.get().equals(candidate)) {
            throw new IllegalArgumentException("version " + candidate + " of " + model + " is already the champion");
        }
        EvaluationPipeline.Evaluation evaluated = evaluation.evaluate(model, candidate, dataset, holdout, work);
        double value = valueOf(evaluated.metrics(), metric);
        Decision decision;
        if (champion.isPresent()) {
            EvaluationPipeline.Evaluation championEval =
                    evaluation.evaluate(model, champion.get(), dataset, holdout, work);
            decision = rule.againstChampion(value, champion.get(), history(championEval.runId(), metric));
        } else {
            decision = rule.againstBaseline(value, valueOf(evaluated.baselines().get("popularity"), metric));
        }
        record(model, candidate, evaluated.runId(), decision);
        String message = String.format(
                "Tandem: %s version %s %s — %s (dataset %s)",
                model,
                candidate,
                decision.promote() ? "is the new challenger" : "was archived",
                decision.reason(),
                dataset.version());
        out.println(message);
        out.flush();
        notify(message);
        return decision;
    }

    private void record(String model, String version, String runId, Decision decision) {
        if (decision.promote()) {
            rest.post(
                    "registered-models/alias",
                    Map.of("name", model, "alias", ModelAlias.CHALLENGER.alias(), "version", version));
            transition(model, version, ModelStage.Staging);
        } else {
            transition(model, version, ModelStage.Archived);
        }
        String outcome = (decision.promote() ? MlflowTags.Decision.CHALLENGER : MlflowTags.Decision.REJECTED).value();
        for (Map.Entry<String, String> tag : Map.of(
                        MlflowTags.DECISION,
                        outcome,
                        MlflowTags.DECISION_REASON,
                        decision.reason(),
                        MlflowTags.decision("metric"),
                        decision.metric(),
                        MlflowTags.decision("candidate_value"),
                        String.format("%.6f", decision.candidateValue()),
                        MlflowTags.decision("reference_value"),
                        String.format("%.6f", decision.referenceValue()),
                        MlflowTags.decision("reference"),
                        decision.reference())
                .entrySet()) {
            tracking.setModelVersionTag(model, version, tag.getKey(), tag.getValue());
            tracking.setRunTag(runId, tag.getKey(), tag.getValue());
        }
    }

    private void transition(String model, String version, ModelStage stage) {
        rest.post(
                "model-versions/transition-stage",
                Map.of("name", model, "version", version, "stage", stage.name(), "archive_existing_versions", false));
    }

    /** Alias {@code champion}, else the newest version in stage Production. */
    Optional<String> champion(String model) {
        try {
            return Optional.of(
                    rest.get("registered-models/alias", Map.of("name", model, "alias", ModelAlias.CHAMPION.alias()))
                            .path("model_version")
                            .path("version")
                            .asText());
        } catch (MlflowApiException e) {
            if (e.httpStatus() != 404 && !"INVALID_PARAMETER_VALUE".equals(e.errorCode())) {
                throw e;
            }
        }
        JsonNode latest = rest.post(
                "registered-models/get-latest-versions",
                Map.of("name", model, "stages", List.of(ModelStage.Production.name())));
        for (JsonNode v : latest.path("model_versions")) {
            return Optional.of(v.path("version").asText());
        }
        return Optional.empty();
    }

    private List<Double> history(String runId, String metric) {
        JsonNode metrics = rest.get(
                        "metrics/get-history",
                        Map.of("run_id", runId, "metric_key", EvaluationPipeline.EVAL_METRIC_PREFIX + metric))
                .path("metrics");
        List<JsonNode> points = new ArrayList<>();
        metrics.forEach(points::add);
        points.sort((a, b) -> {
            int c = Long.compare(a.path("step").asLong(), b.path("step").asLong());
            return c != 0
                    ? c
                    : Long.compare(
                            a.path("timestamp").asLong(), b.path("timestamp").asLong());
        });
        return points.stream().map(p -> p.path("value").asDouble()).toList();
    }

    private void notify(String message) {
        if (notifier.isEmpty()) {
            return;
        }
        try {
            notifier.get().send(message);
        } catch (IOException e) {
            // The decision stands in MLflow; a chat outage must not undo or hide it.
            err.println("decide: notification failed: " + e.getMessage());
            err.flush();
        }
    }

    private static double valueOf(Map<String, Double> metrics, String metric) {
        Double value = metrics.get(metric);
        if (value == null) {
            throw new IllegalArgumentException("unknown metric '" + metric + "'; choose one of " + metrics.keySet());
        }
        return value;
    }
}
