/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One Adam step (Kingma & Ba) over reference variables, ordered so that a step is a function of its inputs:
 * all gradients and the loss are computed first, then every variable is updated, then the bias-correction
 * powers advance. tensorflow-framework's Adam advances the powers without waiting for the updates, which
 * races with the updates reading them, so runs with one seed drift apart; this builds the same update with
 * the ordering explicit.
 */
final class AdamStep {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-7f;

    private AdamStep() {}

    static Op build(Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> variables, float learningRate) {
        Gradients gradients = tf.gradients(loss, variables);
        List<Op> computed = new ArrayList<>();
        computed.add(tf.identity(loss));
        for (int i = 0; i < variables.size(); i++) {
            computed.add(tf.identity(gradients.<TFloat32>dy(i)));
        }
        Ops afterGradients = tf.withControlDependencies(computed);

        Ops init = tf.withInitScope();
        Variable<TFloat32> beta1Power = tf.variable(init.constant(BETA1));
        Variable<TFloat32> beta2Power = tf.variable(init.constant(BETA2));
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Variable<TFloat32> variable = variables.get(i);
            Variable<TFloat32> m =
                    tf.variable(init.zeros(init.constant(variable.shape().asArray()), TFloat32.class));
            Variable<TFloat32> v =
                    tf.variable(init.zeros(init.constant(variable.shape().asArray()), TFloat32.class));
            Output<TFloat32> gradient =
                    afterGradients.identity(gradients.<TFloat32>dy(i)).asOutput();
            updates.add(afterGradients.train.applyAdam(
                    variable,
                    m,
                    v,
                    beta1Power,
                    beta2Power,
                    afterGradients.constant(learningRate),
                    afterGradients.constant(BETA1),
                    afterGradients.constant(BETA2),
                    afterGradients.constant(EPSILON),
                    gradient));
        }
        Ops afterUpdates = tf.withControlDependencies(updates);
        Op advance1 = afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, afterUpdates.constant(BETA1)));
        Op advance2 = afterUpdates.assign(beta2Power, afterUpdates.math.mul(beta2Power, afterUpdates.constant(BETA2)));
        return tf.withControlDependencies(List.of(advance1, advance2)).noOp();
    }
}
