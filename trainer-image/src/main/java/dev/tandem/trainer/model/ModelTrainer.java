/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.model;

import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Trains the YouTube-DNN model with Adam on time-ordered next-item examples, in shuffled mini-batches. The
 * seed fixes initialisation, shuffling and negative sampling, and {@link AdamStep} orders each step's reads and
 * writes, so a rerun with the same seed reproduces the same losses and weights.
 */
public final class ModelTrainer {

    private static final int REPORT_EVERY = 50;

    private final ModelParams params;
    private final TrainingProgress progress;
    private final int maxStepsPerEpoch;

    public ModelTrainer(ModelParams params, TrainingProgress progress) {
        this(params, progress, Integer.MAX_VALUE);
    }

    /** A trainer that stops each epoch after {@code maxStepsPerEpoch} steps (benchmarks of slow variants). */
    public ModelTrainer(ModelParams params, TrainingProgress progress, int maxStepsPerEpoch) {
        this.params = params;
        this.progress = progress;
        this.maxStepsPerEpoch = maxStepsPerEpoch;
    }

    /**
     * @param examples training examples
     * @param items number of items (rows of the output matrix)
     * @param popularity per-row training frequency, the proposal distribution Q of sampled softmax
     */
    public TrainedModel train(Examples examples, int items, double[] popularity) {
        Graph graph = new Graph();
        Session session = null;
        try {
            YoutubeDnnGraph model = new YoutubeDnnGraph(graph, params, items);
            session = new Session(
                    graph,
                    ConfigProto.newBuilder()
                            .setIntraOpParallelismThreads(Runtime.getRuntime().availableProcessors())
                            .setInterOpParallelismThreads(1)
                            .build());
            session.initialize();
            NegativeSampler sampler = new NegativeSampler(popularity, new SplittableRandom(params.seed() + 1));
            float[] losses = loop(session, model, examples, sampler);
            return new TrainedModel(graph, session, model, params, losses);
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            graph.close();
            throw e;
        }
    }

    private float[] loop(Session session, YoutubeDnnGraph model, Examples examples, NegativeSampler sampler) {
        int n = examples.size();
        if (n == 0) {
            throw new IllegalArgumentException(
                    "no training examples: every user needs at least two watches before the cutoff");
        }
        int l = params.historyLength();
        int batch = params.batchSize();
        int steps = Math.min((n + batch - 1) / batch, maxStepsPerEpoch);
        int[] order = new int[n];
        java.util.Arrays.setAll(order, i -> i);
        SplittableRandom shuffle = new SplittableRandom(params.seed());
        float[] epochLosses = new float[params.epochs()];
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            shuffle(order, shuffle);
            long epochStart = System.nanoTime();
            long windowStart = epochStart;
            int windowExamples = 0;
            double lossSum = 0;
            for (int step = 0; step < steps; step++) {
                int from = step * batch;
                int size = Math.min(batch, n - from);
                long[] histories = new long[size * l];
                int[] targets = new int[size];
                for (int b = 0; b < size; b++) {
                    examples.copyHistory(order[from + b], histories, b * l);
                    targets[b] = examples.target(order[from + b]);
                }
                float loss = runStep(session, model, histories, targets, sampler);
                lossSum += loss * size;
                windowExamples += size;
                if ((step + 1) % REPORT_EVERY == 0 || step == steps - 1) {
                    long now = System.nanoTime();
                    progress.step(epoch + 1, step + 1, steps, loss, windowExamples / ((now - windowStart) / 1e9));
                    windowStart = now;
                    windowExamples = 0;
                }
            }
            long trained = Math.min(n, (long) steps * batch);
            epochLosses[epoch] = (float) (lossSum / trained);
            progress.epoch(epoch + 1, epochLosses[epoch], (System.nanoTime() - epochStart) / 1e9, trained);
        }
        return epochLosses;
    }

    private float runStep(
            Session session, YoutubeDnnGraph model, long[] histories, int[] targets, NegativeSampler sampler) {
        int size = targets.length;
        try (TInt64 history = TInt64.tensorOf(
                        Shape.of(size, params.historyLength()), DataBuffers.of(histories, true, false));
                TInt32 target = TInt32.tensorOf(Shape.of(size), DataBuffers.of(targets, true, false))) {
            var runner = session.runner().feed(model.history, history).feed(model.targets, target);
            if (params.softmax() == ModelParams.Softmax.SAMPLED) {
                NegativeSampler.Draw draw = sampler.draw(params.negatives(), targets);
                try (TInt64 sampled = TInt64.tensorOf(
                                Shape.of(draw.rows().length), DataBuffers.of(draw.rows(), true, false));
                        TFloat32 sampledLogQ = TFloat32.tensorOf(
                                Shape.of(draw.rowLogQ().length), DataBuffers.of(draw.rowLogQ(), true, false));
                        TFloat32 targetLogQ =
                                TFloat32.tensorOf(Shape.of(size), DataBuffers.of(draw.targetLogQ(), true, false));
                        TFloat32 hits = TFloat32.tensorOf(
                                Shape.of(size, draw.rows().length),
                                DataBuffers.of(draw.accidentalHits(), true, false))) {
                    runner.feed(model.sampled, sampled)
                            .feed(model.sampledLogQ, sampledLogQ)
                            .feed(model.targetLogQ, targetLogQ)
                            .feed(model.accidentalHits, hits);
                    return fetchLoss(runner, model);
                }
            }
            return fetchLoss(runner, model);
        }
    }

    private static float fetchLoss(Session.Runner runner, YoutubeDnnGraph model) {
        try (TFloat32 loss = (TFloat32)
                runner.addTarget(model.trainStep).fetch(model.loss).run().get(0)) {
            return loss.getFloat();
        }
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
