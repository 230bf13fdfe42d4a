/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.model;

import dev.tandem.bundle.TowerSignature;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.random.TruncatedNormal;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The YouTube-DNN retrieval model as a TensorFlow graph (Covington et al., 2016): history item embeddings,
 * masked mean pooling, a ReLU layer and a linear layer give the user vector; the output softmax weights are
 * the item vectors, scored by inner product.
 *
 * <p>The loss avoids ops whose gradients TensorFlow's C API lacks (sparse softmax cross-entropy, concat):
 * full softmax uses dense one-hot labels, sampled softmax computes its log-sum-exp by hand.
 */
final class YoutubeDnnGraph {

    static final String SIGNATURE = "serving_default";
    static final String INPUT = "history";
    static final String OUTPUT = "user_vector";

    final Placeholder<TInt64> history;
    final Operand<TFloat32> userVector;
    final Variable<TFloat32> itemVectors;
    final Placeholder<TInt32> targets;
    final Placeholder<TInt64> sampled;
    final Placeholder<TFloat32> sampledLogQ;
    final Placeholder<TFloat32> targetLogQ;
    final Placeholder<TFloat32> accidentalHits;
    final Operand<TFloat32> loss;
    final Op trainStep;
    final int items;

    YoutubeDnnGraph(Graph graph, ModelParams params, int items) {
        this.items = items;
        Ops tf = Ops.create(graph);
        long seed = params.seed();
        int l = params.historyLength();

        history = tf.withName(INPUT).placeholder(TInt64.class, Placeholder.shape(Shape.of(-1, l)));
        Variable<TFloat32> inputEmbeddings = tf.variable(init(tf, seed, 1, 0.1f, items + 1, params.inputDim()));
        Variable<TFloat32> w1 = tf.variable(
                init(tf, seed, 2, (float) Math.sqrt(2.0 / params.inputDim()), params.inputDim(), params.hiddenDim()));
        Variable<TFloat32> b1 = tf.variable(zeros(tf, params.hiddenDim()));
        Variable<TFloat32> w2 = tf.variable(
                init(tf, seed, 3, (float) Math.sqrt(1.0 / params.hiddenDim()), params.hiddenDim(), params.dim()));
        Variable<TFloat32> b2 = tf.variable(zeros(tf, params.dim()));
        itemVectors = tf.variable(init(tf, seed, 4, 0.05f, items, params.dim()));

        // Masked mean: padding slots (value 0) contribute nothing and do not count.
        Operand<TFloat32> mask = tf.dtypes.cast(tf.math.notEqual(history, tf.constant(ItemIndex.PAD)), TFloat32.class);
        Operand<TFloat32> embedded = tf.gather(inputEmbeddings, history, tf.constant(0));
        Operand<TFloat32> summed =
                tf.reduceSum(tf.math.mul(embedded, tf.expandDims(mask, tf.constant(-1))), tf.constant(1));
        Operand<TFloat32> count = tf.math.maximum(tf.reduceSum(mask, tf.constant(1)), tf.constant(1f));
        Operand<TFloat32> pooled = tf.math.div(summed, tf.expandDims(count, tf.constant(-1)));
        Operand<TFloat32> hidden = tf.nn.relu(tf.math.add(tf.linalg.matMul(pooled, w1), b1));
        userVector = tf.withName(OUTPUT).identity(tf.math.add(tf.linalg.matMul(hidden, w2), b2));

        targets = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        sampled = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)));
        sampledLogQ = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        targetLogQ = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        accidentalHits = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
        loss = params.softmax() == ModelParams.Softmax.FULL ? fullSoftmaxLoss(tf) : sampledSoftmaxLoss(tf);
        trainStep =
                AdamStep.build(tf, loss, List.of(inputEmbeddings, w1, b1, w2, b2, itemVectors), params.learningRate());
    }

    private Operand<TFloat32> fullSoftmaxLoss(Ops tf) {
        Operand<TFloat32> logits = tf.linalg.matMul(userVector, itemVectors, MatMul.transposeB(true));
        Operand<TFloat32> labels = tf.oneHot(targets, tf.constant(items), tf.constant(1f), tf.constant(0f));
        return tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss(), tf.constant(0));
    }

    /**
     * Shared negatives with logQ correction: logit(i) = u·v_i − log Q(i), accidental hits (a negative equal
     * to the label) pushed out, loss = logsumexp(all logits) − logit(label).
     */
    private Operand<TFloat32> sampledSoftmaxLoss(Ops tf) {
        Operand<TFloat32> targetVectors = tf.gather(itemVectors, targets, tf.constant(0));
        Operand<TFloat32> trueLogit =
                tf.math.sub(tf.reduceSum(tf.math.mul(userVector, targetVectors), tf.constant(1)), targetLogQ);
        Operand<TFloat32> negativeVectors = tf.gather(itemVectors, sampled, tf.constant(0));
        Operand<TFloat32> negativeLogits = tf.math.sub(
                tf.math.sub(tf.linalg.matMul(userVector, negativeVectors, MatMul.transposeB(true)), sampledLogQ),
                tf.math.mul(accidentalHits, tf.constant(1e4f)));
        Operand<TFloat32> max =
                tf.stopGradient(tf.math.maximum(tf.reduceMax(negativeLogits, tf.constant(1)), trueLogit));
        Operand<TFloat32> sumExp = tf.math.add(
                tf.math.exp(tf.math.sub(trueLogit, max)),
                tf.reduceSum(
                        tf.math.exp(tf.math.sub(negativeLogits, tf.expandDims(max, tf.constant(1)))), tf.constant(1)));
        Operand<TFloat32> logSumExp = tf.math.add(max, tf.math.log(sumExp));
        return tf.math.mean(tf.math.sub(logSumExp, trueLogit), tf.constant(0));
    }

    /** The serving signature: history in, user vector out. */
    Signature signature() {
        return Signature.builder()
                .key(SIGNATURE)
                .input(INPUT, history)
                .output(OUTPUT, userVector)
                .build();
    }

    static TowerSignature towerSignature(ModelParams params) {
        return new TowerSignature(SIGNATURE, INPUT, OUTPUT, params.historyLength(), ItemIndex.PAD);
    }

    // Initial values live in the init scope: Session.initialize() runs them once, serving never does.
    private static Operand<TFloat32> zeros(Ops tf, long size) {
        Ops init = tf.withInitScope();
        return init.zeros(init.constant(new long[] {size}), TFloat32.class);
    }

    private static Operand<TFloat32> init(Ops tf, long seed, long which, float stddev, long rows, long cols) {
        Ops init = tf.withInitScope();
        Operand<TFloat32> normal = init.random.truncatedNormal(
                init.constant(new long[] {rows, cols}),
                TFloat32.class,
                TruncatedNormal.seed(seed),
                TruncatedNormal.seed2(which));
        return init.math.mul(normal, init.constant(stddev));
    }
}
