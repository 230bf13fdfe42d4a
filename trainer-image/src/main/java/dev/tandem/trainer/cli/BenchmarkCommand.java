/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.cli;

import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.trainer.dataset.Item;
import dev.tandem.trainer.dataset.SyntheticConfig;
import dev.tandem.trainer.dataset.SyntheticGenerator;
import dev.tandem.trainer.dataset.TimeSplit;
import dev.tandem.trainer.eval.CoOccurrenceRecommender;
import dev.tandem.trainer.eval.EmbeddingRecommender;
import dev.tandem.trainer.eval.Holdout;
import dev.tandem.trainer.eval.OfflineEvaluation;
import dev.tandem.trainer.eval.PopularityRecommender;
import dev.tandem.trainer.model.Examples;
import dev.tandem.trainer.model.ItemIndex;
import dev.tandem.trainer.model.ModelParams;
import dev.tandem.trainer.model.ModelTrainer;
import dev.tandem.trainer.model.TrainedModel;
import dev.tandem.trainer.model.TrainingProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchmark}: training throughput and quality on a synthetic set, printed beside references measured in
 * the same run — full softmax (bounded steps) next to sampled softmax, and the popularity and co-occurrence
 * baselines next to the model.
 */
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description =
                "Train on a synthetic set (default medium: 100k items × 2M events) and print examples/s, training time, peak heap and recall beside references.")
final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--size",
            defaultValue = "medium",
            description = "tiny, small, medium or large. Default: ${DEFAULT-VALUE}")
    String size;

    @Option(
            names = "--epochs",
            defaultValue = "2",
            description = "Epochs of the sampled-softmax run. Default: ${DEFAULT-VALUE}")
    int epochs;

    @Option(
            names = "--full-softmax-steps",
            defaultValue = "100",
            description = "Steps of the full-softmax reference run. Default: ${DEFAULT-VALUE}")
    int fullSteps;

    @Option(names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        SyntheticGenerator.Output data = new SyntheticGenerator(SyntheticConfig.preset(size, seed)).generate();
        double generated = seconds(started);
        ItemIndex index = new ItemIndex(data.items().stream().map(Item::id).toList());
        long cutoff = TimeSplit.cutoff(data.events(), TimeSplit.DEFAULT_HOLDOUT);
        ModelParams defaults = ModelParams.defaults(index.size());
        ModelParams sampled = new ModelParams(
                defaults.historyLength(),
                defaults.inputDim(),
                defaults.hiddenDim(),
                defaults.dim(),
                epochs,
                defaults.batchSize(),
                defaults.learningRate(),
                ModelParams.Softmax.SAMPLED,
                defaults.negatives(),
                seed);
        ModelParams full = new ModelParams(
                defaults.historyLength(),
                defaults.inputDim(),
                defaults.hiddenDim(),
                defaults.dim(),
                1,
                defaults.batchSize(),
                defaults.learningRate(),
                ModelParams.Softmax.FULL,
                0,
                seed);
        Examples examples = Examples.before(data.events(), index, defaults.historyLength(), cutoff);
        Holdout holdout = Holdout.of(data.events(), index, defaults.historyLength(), cutoff);
        double[] counts =
                Arrays.stream(holdout.trainingCounts()).asDoubleStream().toArray();
        out.printf(
                "%s: %d items, %d events (%d training examples) generated in %.1f s%n",
                size, index.size(), data.events().size(), examples.size(), generated);
        out.flush();

        Throughput fullRate = new Throughput();
        long fullStart = System.nanoTime();
        // Only its speed matters; the model is closed at once.
        new ModelTrainer(full, fullRate, fullSteps)
                .train(examples, index.size(), counts)
                .close();
        fullRate.seconds = seconds(fullStart);
        Throughput sampledRate = new Throughput();
        long sampledStart = System.nanoTime();
        Map<String, Double> model;
        try (TrainedModel trained = new ModelTrainer(sampled, sampledRate).train(examples, index.size(), counts)) {
            sampledRate.seconds = seconds(sampledStart);
            model = OfflineEvaluation.evaluate(
                    holdout,
                    new EmbeddingRecommender(
                            trained::userVectors,
                            new ItemEmbeddings(index.ids(), trained.itemVectors(), sampled.dim()),
                            sampled.historyLength()),
                    index.size());
        }
        Map<String, Double> popularity =
                OfflineEvaluation.evaluate(holdout, new PopularityRecommender(holdout.trainingCounts()), index.size());
        Map<String, Double> cooc = OfflineEvaluation.evaluate(
                holdout,
                new CoOccurrenceRecommender(data.events(), index, cutoff, holdout.trainingCounts()),
                index.size());

        out.printf("%n%-34s %14s %12s %10s%n", "training run", "examples/s", "seconds", "examples");
        out.printf(
                "%-34s %14.0f %12.1f %10d%n",
                "sampled softmax (" + sampled.negatives() + " negatives, logQ), " + epochs + " epochs",
                sampledRate.rate(),
                sampledRate.seconds,
                sampledRate.examples);
        out.printf(
                "%-34s %14.0f %12.1f %10d%n",
                "full softmax, first " + fullSteps + " steps", fullRate.rate(), fullRate.seconds, fullRate.examples);
        out.printf(
                "%n%-16s %10s %12s %14s   (%d held-out users)%n",
                "metric",
                "model",
                "popularity",
                "co-occurrence",
                holdout.users().size());
        for (String metric : OfflineEvaluation.METRICS) {
            out.printf(
                    "%-16s %10.4f %12.4f %14.4f%n",
                    metric, model.get(metric), popularity.get(metric), cooc.get(metric));
        }
        out.printf("%npeak heap %.0f MiB, peak resident set (heap + TensorFlow native) %s%n", peakHeapMiB(), peakRss());
        out.flush();
        return 0;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.substring(6).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Counts examples trained and their time from the trainer's reports. */
    private static final class Throughput implements TrainingProgress {
        long examples;
        double seconds;
        double trainSeconds;

        @Override
        public void step(int epoch, int step, int steps, float loss, double examplesPerSecond) {}

        @Override
        public void epoch(int epoch, float meanLoss, double epochSeconds, long trained) {
            trainSeconds += epochSeconds;
            examples += trained;
        }

        double rate() {
            return examples / trainSeconds;
        }
    }
}
