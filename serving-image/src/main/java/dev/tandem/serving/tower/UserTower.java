/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.tower;

import dev.tandem.bundle.TowerSignature;
import dev.tandem.bundle.VerifiedBundle;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The bundle's user tower: a TensorFlow session over its SavedModel, called through the signature the
 * manifest names. TensorFlow sessions may be called from several threads at once; the owner closes it once no
 * request uses it.
 */
public final class UserTower implements TowerFunction {

    private final SavedModelBundle model;
    private final SessionFunction function;
    private final TowerSignature signature;
    private final int dim;

    private UserTower(SavedModelBundle model, TowerSignature signature, int dim) {
        this.model = model;
        this.signature = signature;
        this.dim = dim;
        this.function = model.function(signature.signature());
    }

    /** Loads the SavedModel of a verified bundle with TensorFlow's own thread pools. */
    public static UserTower load(VerifiedBundle bundle) {
        return load(bundle, TowerSettings.offline());
    }

    /** Loads the SavedModel of a verified bundle with the thread pools of {@code settings}. */
    public static UserTower load(VerifiedBundle bundle, TowerSettings settings) {
        SavedModelBundle model = SavedModelBundle.loader(bundle.savedModelDir().toString())
                .withTags("serve")
                .withConfigProto(sessionConfig(settings))
                .load();
        try {
            return new UserTower(
                    model, bundle.manifest().tower(), bundle.manifest().embeddingDim());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The session configuration of towers with {@code settings}. */
    static ConfigProto sessionConfig(TowerSettings settings) {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(settings.intraOpThreads())
                .setInterOpParallelismThreads(settings.interOpThreads())
                .build();
    }

    @Override
    public int historyLength() {
        return signature.historyLength();
    }

    @Override
    public long padValue() {
        return signature.padValue();
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public float[] userVectors(long[] inputs, int count) {
        try (TInt64 input = TInt64.tensorOf(
                        Shape.of(count, signature.historyLength()), DataBuffers.of(inputs, true, false));
                Result result = function.call(Map.of(signature.input(), input))) {
            TFloat32 output = (TFloat32) result.get(signature.output())
                    .orElseThrow(() ->
                            new IllegalStateException("the tower's signature has no output " + signature.output()));
            float[] out = new float[count * dim];
            output.copyTo(DataBuffers.of(out, false, false));
            return out;
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
