/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.model;

import dev.tandem.trainer.eval.UserTower;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** The user tower of an exported bundle, called through its {@code serving_default} signature. */
public final class SavedModelTower implements UserTower, AutoCloseable {

    private final SavedModelBundle bundle;
    private final SessionFunction function;
    private final int historyLength;
    private final int dim;

    public SavedModelTower(Path savedModelDir, int historyLength, int dim) {
        this.bundle = SavedModelBundle.load(savedModelDir.toString());
        this.function = bundle.function(YoutubeDnnGraph.SIGNATURE);
        this.historyLength = historyLength;
        this.dim = dim;
    }

    @Override
    public float[] userVectors(long[] histories, int count) {
        try (TInt64 input = TInt64.tensorOf(Shape.of(count, historyLength), DataBuffers.of(histories, true, false));
                Result result = function.call(Map.of(YoutubeDnnGraph.INPUT, input))) {
            TFloat32 output = (TFloat32) result.get(YoutubeDnnGraph.OUTPUT).orElseThrow();
            float[] out = new float[count * dim];
            output.copyTo(DataBuffers.of(out, false, false));
            return out;
        }
    }

    @Override
    public void close() {
        bundle.close();
    }
}
