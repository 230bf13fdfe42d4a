/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.model;

import java.io.IOException;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A trained model held in its TensorFlow session: exports the user tower as a SavedModel and hands out the
 * item vectors (the output softmax weights). Owns native memory; close it.
 */
public final class TrainedModel implements AutoCloseable {

    private final Graph graph;
    private final Session session;
    private final YoutubeDnnGraph model;
    private final ModelParams params;
    private final float[] losses;

    TrainedModel(Graph graph, Session session, YoutubeDnnGraph model, ModelParams params, float[] losses) {
        this.graph = graph;
        this.session = session;
        this.model = model;
        this.params = params;
        this.losses = losses;
    }

    public ModelParams params() {
        return params;
    }

    /** Mean training loss per epoch. */
    public float[] epochLosses() {
        return losses.clone();
    }

    /** The item vectors, row-major {@code [items, dim]}, row {@code r} for the item at row {@code r}. */
    public float[] itemVectors() {
        try (TFloat32 vectors =
                (TFloat32) session.runner().fetch(model.itemVectors).run().get(0)) {
            float[] out = new float[model.items * params.dim()];
            vectors.copyTo(DataBuffers.of(out, false, false));
            return out;
        }
    }

    /**
     * User vectors for a batch of histories, row-major {@code [count, dim]}.
     *
     * @param histories tower input values, {@code count × historyLength}
     */
    public float[] userVectors(long[] histories, int count) {
        try (TInt64 input = TInt64.tensorOf(
                        Shape.of(count, params.historyLength()), DataBuffers.of(histories, true, false));
                TFloat32 output = (TFloat32) session.runner()
                        .feed(model.history, input)
                        .fetch(model.userVector)
                        .run()
                        .get(0)) {
            float[] out = new float[count * params.dim()];
            output.copyTo(DataBuffers.of(out, false, false));
            return out;
        }
    }

    /** Writes the user tower as a SavedModel with the {@code serving_default} signature. */
    public void exportSavedModel(Path directory) throws IOException {
        SavedModelBundle.exporter(directory.toString())
                .withSession(session)
                .withSignature(model.signature())
                .export();
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
