/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.model;

/** Receives training progress; the CLI prints it and logs per-epoch metrics to MLflow. */
public interface TrainingProgress {

    /** Every few steps: where training is and how fast it goes. */
    void step(int epoch, int step, int stepsPerEpoch, float loss, double examplesPerSecond);

    /** At the end of each epoch, with the mean loss over it and the examples it trained on. */
    void epoch(int epoch, float meanLoss, double seconds, long examples);
}
