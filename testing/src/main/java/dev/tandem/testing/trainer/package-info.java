/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Model versions that tests train with the trainer's own {@code train} command and register in the platform's MLflow:
 * {@link dev.tandem.testing.trainer.TrainedVersions#train} runs it through a
 * {@link dev.tandem.testing.trainer.TrainerLauncher} (in the test's JVM, as the packaged jar, or as Jobs on the local
 * node) and reads what each run registered from its {@code --summary} ({@link dev.tandem.api.trainer.TrainSummary}).
 */
package dev.tandem.testing.trainer;
