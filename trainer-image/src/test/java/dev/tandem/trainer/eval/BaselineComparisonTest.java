/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.trainer.dataset.Item;
import dev.tandem.trainer.dataset.SyntheticConfig;
import dev.tandem.trainer.dataset.SyntheticGenerator;
import dev.tandem.trainer.dataset.TimeSplit;
import dev.tandem.trainer.model.Examples;
import dev.tandem.trainer.model.ItemIndex;
import dev.tandem.trainer.model.ModelParams;
import dev.tandem.trainer.model.ModelTrainer;
import dev.tandem.trainer.model.TrainedModel;
import dev.tandem.trainer.model.TrainingProgress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On synthetic data with known structure, the trained model beats both baselines on recall@50. */
class BaselineComparisonTest {

    @Test
    void modelBeatsPopularityAndCoOccurrence() {
        SyntheticGenerator.Output data = new SyntheticGenerator(
                        new SyntheticConfig(1_500, 1_500, 60_000, 12, 21, 1.0, 0.1, SyntheticConfig.DEFAULT_START, 60))
                .generate();
        ItemIndex index = new ItemIndex(data.items().stream().map(Item::id).toList());
        long cutoff = TimeSplit.cutoff(data.events(), TimeSplit.DEFAULT_HOLDOUT);
        ModelParams params = new ModelParams(20, 32, 64, 32, 4, 256, 0.005f, ModelParams.Softmax.FULL, 0, 42);
        Holdout holdout = Holdout.of(data.events(), index, params.historyLength(), cutoff);
        double[] counts = java.util.Arrays.stream(holdout.trainingCounts())
                .asDoubleStream()
                .toArray();

        try (TrainedModel model = new ModelTrainer(params, new Quiet())
                .train(Examples.before(data.events(), index, params.historyLength(), cutoff), index.size(), counts)) {
            Map<String, Double> trained = OfflineEvaluation.evaluate(
                    holdout,
                    new EmbeddingRecommender(
                            model::userVectors,
                            new ItemEmbeddings(index.ids(), model.itemVectors(), params.dim()),
                            params.historyLength()),
                    index.size());
            Map<String, Double> popular = OfflineEvaluation.evaluate(
                    holdout, new PopularityRecommender(holdout.trainingCounts()), index.size());
            Map<String, Double> cooc = OfflineEvaluation.evaluate(
                    holdout,
                    new CoOccurrenceRecommender(data.events(), index, cutoff, holdout.trainingCounts()),
                    index.size());
            System.out.printf(
                    "recall@50 model %.4f popularity %.4f co-occurrence %.4f (%d users)%n",
                    trained.get("recall_at_50"),
                    popular.get("recall_at_50"),
                    cooc.get("recall_at_50"),
                    holdout.users().size());

            assertThat(holdout.users()).hasSizeGreaterThan(100);
            assertThat(trained.get("recall_at_50")).isGreaterThan(popular.get("recall_at_50") * 1.2);
            assertThat(trained.get("recall_at_50")).isGreaterThan(cooc.get("recall_at_50"));
        }
    }

    private static final class Quiet implements TrainingProgress {
        @Override
        public void step(int epoch, int step, int steps, float loss, double examplesPerSecond) {}

        @Override
        public void epoch(int epoch, float meanLoss, double seconds, long examples) {}
    }
}
