/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.trainer.dataset.Item;
import dev.tandem.trainer.dataset.SyntheticConfig;
import dev.tandem.trainer.dataset.SyntheticGenerator;
import dev.tandem.trainer.dataset.WatchLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Trains the real TensorFlow model on a small synthetic set whose structure is known. */
class ModelTrainerTest {

    private static final SyntheticGenerator.Output DATA = new SyntheticGenerator(
                    new SyntheticConfig(300, 400, 15_000, 8, 11, 1.0, 0.1, SyntheticConfig.DEFAULT_START, 60))
            .generate();
    private static final ItemIndex INDEX =
            new ItemIndex(DATA.items().stream().map(Item::id).toList());
    private static final NoProgress QUIET = new NoProgress();

    @Test
    void fullSoftmaxLearnsTastesAndTheExportedTowerMatchesTheSession(@TempDir Path dir) throws Exception {
        ModelParams params = new ModelParams(10, 16, 32, 16, 4, 128, 0.01f, ModelParams.Softmax.FULL, 0, 7);
        Examples examples = Examples.before(DATA.events(), INDEX, params.historyLength(), Long.MAX_VALUE);

        try (TrainedModel model = new ModelTrainer(params, QUIET).train(examples, INDEX.size(), popularity())) {
            float[] losses = model.epochLosses();
            assertThat(losses[losses.length - 1])
                    .isLessThan(losses[0])
                    .isLessThan((float) Math.log(INDEX.size()) - 1.0f);

            Map<Long, long[]> lastHistory = lastHistories(params.historyLength());
            List<Long> users = new ArrayList<>(lastHistory.keySet());
            long[] batch = new long[users.size() * params.historyLength()];
            for (int u = 0; u < users.size(); u++) {
                System.arraycopy(
                        lastHistory.get(users.get(u)), 0, batch, u * params.historyLength(), params.historyLength());
            }
            float[] inSession = model.userVectors(batch, users.size());
            float[] items = model.itemVectors();
            assertThat(tasteShareOfTop10(users, inSession, items, params.dim())).isGreaterThan(0.6);

            Path saved = dir.resolve("model");
            model.exportSavedModel(saved);
            try (SavedModelBundle bundle = SavedModelBundle.load(saved.toString());
                    TInt64 input = TInt64.tensorOf(
                            Shape.of(users.size(), params.historyLength()), DataBuffers.of(batch, true, false));
                    var result = bundle.function("serving_default").call(Map.of("history", input))) {
                Tensor out = result.get("user_vector").orElseThrow();
                float[] reloaded = new float[users.size() * params.dim()];
                ((TFloat32) out).copyTo(DataBuffers.of(reloaded, false, false));
                assertThat(reloaded).containsExactly(inSession, org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void sampledSoftmaxWithLogQCorrectionLearnsToo() {
        ModelParams params = new ModelParams(10, 16, 32, 16, 3, 128, 0.01f, ModelParams.Softmax.SAMPLED, 64, 7);
        Examples examples = Examples.before(DATA.events(), INDEX, params.historyLength(), Long.MAX_VALUE);

        try (TrainedModel model = new ModelTrainer(params, QUIET).train(examples, INDEX.size(), popularity())) {
            float[] losses = model.epochLosses();
            assertThat(losses[losses.length - 1]).isLessThan(losses[0] * 0.9f);
        }
    }

    @Test
    void sameSeedGivesTheSameLosses() {
        ModelParams params = new ModelParams(10, 8, 16, 8, 1, 256, 0.01f, ModelParams.Softmax.FULL, 0, 3);
        Examples examples = Examples.before(DATA.events(), INDEX, params.historyLength(), Long.MAX_VALUE);
        float[] first;
        try (TrainedModel model = new ModelTrainer(params, QUIET).train(examples, INDEX.size(), popularity())) {
            first = model.epochLosses();
        }
        try (TrainedModel model = new ModelTrainer(params, QUIET).train(examples, INDEX.size(), popularity())) {
            assertThat(model.epochLosses()).containsExactly(first);
        }
    }

    @Test
    void examplesUseOnlyEarlierWatchesAndRespectTheCutoff() {
        WatchLog log = new WatchLog(
                new long[] {1, 1, 2, 1, 1}, new long[] {5, 6, 5, 7, 8}, new long[] {10, 20, 25, 30, 40}, new float[5]);
        ItemIndex index = new ItemIndex(List.of(5L, 6L, 7L, 8L));

        Examples examples = Examples.before(log, index, 3, 40);

        assertThat(examples.size()).isEqualTo(2);
        long[] history = new long[3];
        examples.copyHistory(0, history, 0);
        assertThat(history).containsExactly(0, 0, 1);
        assertThat(examples.target(0)).isEqualTo(1);
        examples.copyHistory(1, history, 0);
        assertThat(history).containsExactly(0, 1, 2);
        assertThat(examples.target(1)).isEqualTo(2);
    }

    private static double[] popularity() {
        double[] counts = new double[INDEX.size()];
        for (int i = 0; i < DATA.events().size(); i++) {
            counts[INDEX.row(DATA.events().item(i))]++;
        }
        return counts;
    }

    private static Map<Long, long[]> lastHistories(int l) {
        Map<Long, long[]> histories = new HashMap<>();
        for (int i = 0; i < DATA.events().size(); i++) {
            long[] h = histories.computeIfAbsent(DATA.events().user(i), u -> new long[l]);
            System.arraycopy(h, 1, h, 0, l - 1);
            h[l - 1] = INDEX.row(DATA.events().item(i)) + 1;
        }
        return histories;
    }

    /** Share of each user's top-10 items (by inner product) that belong to the user's generated tastes. */
    private static double tasteShareOfTop10(List<Long> users, float[] userVectors, float[] itemVectors, int dim) {
        Map<Long, String> genre = new HashMap<>();
        DATA.items().forEach(item -> genre.put(item.id(), item.genres().getFirst()));
        int inTaste = 0;
        int total = 0;
        for (int u = 0; u < users.size(); u++) {
            float[] scores = new float[INDEX.size()];
            for (int r = 0; r < INDEX.size(); r++) {
                for (int k = 0; k < dim; k++) {
                    scores[r] += userVectors[u * dim + k] * itemVectors[r * dim + k];
                }
            }
            Integer[] rows = new Integer[INDEX.size()];
            java.util.Arrays.setAll(rows, r -> r);
            java.util.Arrays.sort(rows, (a, b) -> Float.compare(scores[b], scores[a]));
            List<String> tastes = DATA.userTastes().get(users.get(u));
            for (int k = 0; k < 10; k++) {
                inTaste += tastes.contains(genre.get(INDEX.id(rows[k]))) ? 1 : 0;
                total++;
            }
        }
        return (double) inTaste / total;
    }

    private static final class NoProgress implements TrainingProgress {
        @Override
        public void step(int epoch, int step, int stepsPerEpoch, float loss, double examplesPerSecond) {}

        @Override
        public void epoch(int epoch, float meanLoss, double seconds, long examples) {}
    }
}
