/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.index;

import dev.tandem.api.crd.v1alpha1.common.Reason;

/**
 * Why {@code build-index} wrote no index: the {@code reason} of its failure summary, which the operator puts into the
 * RecIndex's conditions.
 */
public enum BuildIndexReason implements Reason {
    /** An option is missing, malformed or out of range. */
    InvalidParameters,
    /** The bundle, or its registered model version, does not exist. */
    BundleNotFound,
    /** The bundle exists but fails verification (checksums, manifest, no registered version). */
    InvalidBundle,
    /** MLflow could not be reached or answered with an error while fetching the bundle. */
    MlflowUnavailable,
    /** The output directory, or the upload directory, already holds an index. */
    OutputNotEmpty,
    /** Building the graph or measuring its recall failed. */
    BuildFailed,
    /** The index could not be written to the output directory. */
    WriteFailed,
    /** The index could not be uploaded to MLflow. */
    UploadFailed
}
