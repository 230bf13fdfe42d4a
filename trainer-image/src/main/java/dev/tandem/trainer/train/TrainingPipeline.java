/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.train;

import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.bundle.BundleLayout;
import dev.tandem.bundle.BundleManifest;
import dev.tandem.bundle.BundleReader;
import dev.tandem.bundle.BundleWriter;
import dev.tandem.bundle.InvalidBundleException;
import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.bundle.ItemMetadata;
import dev.tandem.bundle.Similarity;
import dev.tandem.trainer.cli.TrainerVersion;
import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.dataset.Item;
import dev.tandem.trainer.dataset.TimeSplit;
import dev.tandem.trainer.mlflow.MlflowTracking;
import dev.tandem.trainer.model.Examples;
import dev.tandem.trainer.model.ItemIndex;
import dev.tandem.trainer.model.ModelParams;
import dev.tandem.trainer.model.ModelTrainer;
import dev.tandem.trainer.model.TrainedModel;
import dev.tandem.trainer.model.TrainingProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code train} end to end: time-split the dataset, train, write and verify the bundle, then log params,
 * per-epoch metrics and the bundle to MLflow and register it as a new model version tagged with the dataset
 * and code versions. A run that fails is marked FAILED and registers nothing.
 */
public final class TrainingPipeline {

    private final MlflowTracking tracking;
    private final PrintWriter out;

    public TrainingPipeline(MlflowTracking tracking, PrintWriter out) {
        this.tracking = tracking;
        this.out = out;
    }

    /** What a training produced. */
    public record Result(
            String modelName,
            String version,
            String runId,
            String bundleUri,
            Path bundleDirectory,
            float[] epochLosses) {}

    /**
     * @param dataset an opened (verified) dataset version
     * @param modelName the registered model name
     * @param holdoutShare share of the time span kept out of training for evaluation
     * @param workDirectory where the bundle is assembled before upload
     */
    public Result train(Dataset dataset, String modelName, ModelParams params, double holdoutShare, Path workDirectory)
            throws IOException, InvalidBundleException {
        long cutoff = TimeSplit.cutoff(dataset.events(), holdoutShare);
        ItemIndex index = new ItemIndex(dataset.items().stream().map(Item::id).toList());
        Examples examples = Examples.before(dataset.events(), index, params.historyLength(), cutoff);
        double[] counts = trainingCounts(dataset, index, cutoff);
        out.printf(
                "training %s on %s: %d examples, %d items, %s softmax%n",
                modelName,
                dataset.version(),
                examples.size(),
                index.size(),
                params.softmax().name().toLowerCase(java.util.Locale.ROOT));
        out.flush();

        Map<String, String> tags = Map.of(
                MlflowTags.DATASET_VERSION, dataset.version(), MlflowTags.CODE_VERSION, TrainerVersion.current());
        MlflowTracking.Run run =
                tracking.startRun(tracking.experimentId("tandem/" + modelName), modelName + "-train", tags);
        boolean succeeded = false;
        try {
            Map<String, String> logged = new LinkedHashMap<>(params.asMap());
            logged.put("holdout_share", String.valueOf(holdoutShare));
            logged.put("holdout_cutoff", String.valueOf(cutoff));
            logged.put("examples", String.valueOf(examples.size()));
            tracking.logParams(run.id(), logged);

            Path bundle = workDirectory.resolve("bundle");
            try (TrainedModel model = new ModelTrainer(params, progress(run)).train(examples, index.size(), counts)) {
                Files.createDirectories(bundle);
                model.exportSavedModel(bundle.resolve(BundleLayout.SAVED_MODEL_DIR));
                BundleWriter.write(
                        bundle,
                        draft(modelName, dataset, params, index.size(), logged),
                        new ItemEmbeddings(index.ids(), model.itemVectors(), params.dim()),
                        metadata(dataset, index, counts));
                // The bundle is checked exactly as serving will check it before anything is registered.
                BundleReader.verify(bundle);

                String bundleUri = run.artifactUri() + "/bundle";
                tracking.uploadDirectory(bundle, bundleUri);
                tracking.ensureRegisteredModel(modelName);
                String version = tracking.createModelVersion(modelName, bundleUri, run.id(), tags);
                BundleManifest manifest = BundleReader.verify(bundle).manifest().withModelVersion(version);
                BundleWriter.rewriteManifest(bundle, manifest);
                tracking.uploadFile(bundle.resolve(BundleLayout.MANIFEST), bundleUri + "/" + BundleLayout.MANIFEST);
                succeeded = true;
                out.printf(
                        "registered %s version %d (run %s) with bundle %s%n",
                        modelName, Integer.parseInt(version), run.id(), bundleUri);
                out.flush();
                return new Result(modelName, version, run.id(), bundleUri, bundle, model.epochLosses());
            }
        } finally {
            tracking.endRun(run.id(), succeeded);
        }
    }

    private TrainingProgress progress(MlflowTracking.Run run) {
        return new TrainingProgress() {
            @Override
            public void step(int epoch, int step, int steps, float loss, double examplesPerSecond) {
                out.printf(
                        "epoch %d step %d/%d loss %.4f %.0f examples/s%n", epoch, step, steps, loss, examplesPerSecond);
                out.flush();
            }

            @Override
            public void epoch(int epoch, float meanLoss, double seconds, long examples) {
                out.printf("epoch %d done: mean loss %.4f in %.1f s%n", epoch, meanLoss, seconds);
                out.flush();
                tracking.logMetric(run.id(), "train_loss", meanLoss, epoch);
                tracking.logMetric(run.id(), "epoch_seconds", seconds, epoch);
            }
        };
    }

    private static double[] trainingCounts(Dataset dataset, ItemIndex index, long cutoff) {
        double[] counts = new double[index.size()];
        for (int i = 0; i < dataset.events().size() && dataset.events().timestamp(i) < cutoff; i++) {
            int row = index.row(dataset.events().item(i));
            if (row >= 0) {
                counts[row]++;
            }
        }
        return counts;
    }

    private static ItemMetadata metadata(Dataset dataset, ItemIndex index, double[] counts) {
        double total = java.util.Arrays.stream(counts).sum();
        float[] popularity = new float[index.size()];
        long[] release = new long[index.size()];
        for (int r = 0; r < index.size(); r++) {
            popularity[r] = total == 0 ? 0f : (float) (counts[r] / total);
            release[r] = dataset.items().get(r).releaseEpochSeconds();
        }
        return new ItemMetadata(popularity, release);
    }

    private static BundleManifest draft(
            String modelName, Dataset dataset, ModelParams params, int items, Map<String, String> logged) {
        return new BundleManifest(
                BundleLayout.FORMAT_VERSION,
                modelName,
                null,
                Similarity.DOT,
                params.dim(),
                items,
                dataset.version(),
                TrainerVersion.current(),
                Instant.now(),
                dev.tandem.trainer.model.TowerSignatures.of(params),
                new TreeMap<>(logged),
                new TreeMap<>(),
                new TreeMap<>());
    }
}
