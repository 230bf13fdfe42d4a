/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recmodel;

import dev.tandem.api.crd.v1alpha1.common.Reason;

/** Every reason a RecModel's conditions, archive record and Events carry; the README lists them for users. */
public enum RecModelReason implements Reason {
    /** The version resolved and its bundle passed every check. */
    Verified,
    /** spec.alias now names another version than the one status had pinned (an Event, not a condition). */
    AliasMoved,
    /** MLflow marks the version lost (stage Archived, or the trainer's loser tag); it is not deployed again. */
    Archived,
    /** The registry has no such version of the model. */
    VersionNotFound,
    /** The alias is not set on the model (or the model is not registered). */
    AliasNotFound,
    /** spec.trackingUri is unset and the operator has no default MLflow to fill it with. */
    NoTrackingUri,
    /** The operator wrote its default MLflow into an unset spec.trackingUri (an Event). */
    TrackingUriDefaulted,
    /** The bundle failed verification: checksums, manifest, or what the spec asks of it. */
    BundleInvalid,
    /** MLflow cannot be reached or answers with server errors; retried with backoff. */
    RegistryUnreachable,
    /** MLflow refuses the operator's requests (for example authentication); retried with backoff. */
    RegistryRefused,
    /** MLflow answers again after it could not be reached (an Event). */
    RegistryReachable,
    /** Archive reason for a version that lost on offline metrics (the trainer's {@code decide} rejected it). */
    LostOffline,
    /** Archive reason for a version someone or something moved to stage Archived in MLflow, without a decision tag. */
    ArchivedInMlflow
}
