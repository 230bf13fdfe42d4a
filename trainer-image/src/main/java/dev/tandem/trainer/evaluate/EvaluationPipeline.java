/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.bundle.BundleReader;
import dev.tandem.bundle.InvalidBundleException;
import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.dataset.TimeSplit;
import dev.tandem.trainer.eval.CoOccurrenceRecommender;
import dev.tandem.trainer.eval.EmbeddingRecommender;
import dev.tandem.trainer.eval.Holdout;
import dev.tandem.trainer.eval.OfflineEvaluation;
import dev.tandem.trainer.eval.PopularityRecommender;
import dev.tandem.trainer.mlflow.MlflowTracking;
import dev.tandem.trainer.model.ItemIndex;
import dev.tandem.trainer.model.SavedModelTower;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code test}: evaluates a registered model version on a dataset's time-split holdout with exact retrieval,
 * next to the popularity and co-occurrence baselines, and records the numbers on the version's run (metric
 * history {@code eval_<metric>}) and on the version itself (tags {@code tandem.eval.<metric>}).
 */
public final class EvaluationPipeline {

    public static final String EVAL_METRIC_PREFIX = "eval_";

    private final MlflowRestClient rest;
    private final MlflowArtifactProxy artifacts;
    private final MlflowTracking tracking;
    private final PrintWriter out;

    public EvaluationPipeline(
            MlflowRestClient rest, MlflowArtifactProxy artifacts, MlflowTracking tracking, PrintWriter out) {
        this.rest = rest;
        this.artifacts = artifacts;
        this.tracking = tracking;
        this.out = out;
    }

    /**
     * The numbers of one evaluation.
     *
     * @param metrics the model's metrics
     * @param baselines baseline name → its metrics on the same holdout
     * @param users held-out users evaluated
     */
    public record Evaluation(
            String model,
            String version,
            String runId,
            Map<String, Double> metrics,
            Map<String, Map<String, Double>> baselines,
            int users) {}

    public Evaluation evaluate(String model, String version, Dataset dataset, double holdoutShare, Path work)
            throws InvalidBundleException {
        JsonNode mv = rest.get("model-versions/get", Map.of("name", model, "version", version))
                .path("model_version");
        String runId = mv.path("run_id").asText();
        Path local = work.resolve(model + "-v" + version);
        artifacts.downloadDirectory(mv.path("source").asText(), local);
        VerifiedBundle bundle = BundleReader.verify(local);

        ItemIndex index = new ItemIndex(Arrays.stream(idsOf(bundle)).boxed().toList());
        int l = bundle.manifest().tower().historyLength();
        long cutoff = TimeSplit.cutoff(dataset.events(), holdoutShare);
        Holdout holdout = Holdout.of(dataset.events(), index, l, cutoff);
        Map<String, Double> metrics;
        try (SavedModelTower tower =
                new SavedModelTower(bundle.savedModelDir(), l, bundle.manifest().embeddingDim())) {
            metrics = OfflineEvaluation.evaluate(
                    holdout, new EmbeddingRecommender(tower, bundle.embeddings(), l), index.size());
        }
        Map<String, Map<String, Double>> baselines = new LinkedHashMap<>();
        baselines.put(
                "popularity",
                OfflineEvaluation.evaluate(holdout, new PopularityRecommender(holdout.trainingCounts()), index.size()));
        baselines.put(
                "co-occurrence",
                OfflineEvaluation.evaluate(
                        holdout,
                        new CoOccurrenceRecommender(dataset.events(), index, cutoff, holdout.trainingCounts()),
                        index.size()));
        print(model, version, dataset, holdout.users().size(), metrics, baselines);

        int step = (int) (System.currentTimeMillis() / 1000);
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            tracking.logMetric(runId, EVAL_METRIC_PREFIX + metric.getKey(), metric.getValue(), step);
            tracking.setModelVersionTag(
                    model, version, MlflowTags.eval(metric.getKey()), String.format("%.6f", metric.getValue()));
        }
        for (Map.Entry<String, Map<String, Double>> baseline : baselines.entrySet()) {
            tracking.setModelVersionTag(
                    model,
                    version,
                    MlflowTags.evalBaseline(baseline.getKey(), "recall_at_50"),
                    String.format("%.6f", baseline.getValue().get("recall_at_50")));
        }
        tracking.setModelVersionTag(model, version, MlflowTags.EVAL_DATASET_VERSION, dataset.version());
        tracking.setModelVersionTag(
                model,
                version,
                MlflowTags.EVAL_USERS,
                String.valueOf(holdout.users().size()));
        return new Evaluation(
                model, version, runId, metrics, baselines, holdout.users().size());
    }

    private void print(
            String model,
            String version,
            Dataset dataset,
            int users,
            Map<String, Double> metrics,
            Map<String, Map<String, Double>> baselines) {
        out.printf(
                "offline evaluation of %s version %s on %s (%d held-out users, exact retrieval)%n",
                model, version, dataset.version(), users);
        out.printf("%-16s %12s", "metric", "model");
        baselines.keySet().forEach(name -> out.printf(" %14s", name));
        out.println();
        for (String metric : OfflineEvaluation.METRICS) {
            out.printf("%-16s %12.4f", metric, metrics.get(metric));
            baselines.values().forEach(b -> out.printf(" %14.4f", b.get(metric)));
            out.println();
        }
        out.flush();
    }

    private static long[] idsOf(VerifiedBundle bundle) {
        long[] ids = new long[bundle.embeddings().count()];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = bundle.embeddings().id(r);
        }
        return ids;
    }
}
