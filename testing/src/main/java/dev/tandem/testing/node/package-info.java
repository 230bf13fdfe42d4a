/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Integration tests whose pods really run, on the local node ({@code dev/node}): {@link
 * dev.tandem.testing.node.LocalNode} starts it and places pod specs on it, {@link dev.tandem.testing.node.JobRuns}
 * runs Jobs there, {@link dev.tandem.testing.node.NodeTrainedModel} trains a small model with the trainer image and
 * registers it in MLflow, and {@link dev.tandem.testing.node.ServingPods} builds serving pods for it and asks them
 * about their model.
 *
 * <p>The node runs images as jars of the checkout, so a module whose tests use these helpers declares test-scope
 * {@code pom} dependencies on {@code tandem-serving} and {@code tandem-trainer} (as {@code dev/local-node} does), so
 * that the reactor packages those jars before the module's integration tests run.
 */
package dev.tandem.testing.node;
