/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

/** The one-word reasons a RecModel's conditions and Events carry; the README lists them for users. */
public final class RecModelReasons {

    /** The version resolved and its bundle passed every check. */
    public static final String VERIFIED = "Verified";

    /** spec.alias now names another version than the one status had pinned (an Event, not a condition). */
    public static final String ALIAS_MOVED = "AliasMoved";

    /** MLflow marks the version lost (stage Archived, or the trainer's loser tag); it is not deployed again. */
    public static final String ARCHIVED = "Archived";

    /** The registry has no such version of the model. */
    public static final String VERSION_NOT_FOUND = "VersionNotFound";

    /** The alias is not set on the model (or the model is not registered). */
    public static final String ALIAS_NOT_FOUND = "AliasNotFound";

    /** The bundle failed verification: checksums, manifest, or what the spec asks of it. */
    public static final String BUNDLE_INVALID = "BundleInvalid";

    /** MLflow cannot be reached or answers with server errors; retried with backoff. */
    public static final String REGISTRY_UNREACHABLE = "RegistryUnreachable";

    /** MLflow refuses the operator's requests (for example authentication); retried with backoff. */
    public static final String REGISTRY_REFUSED = "RegistryRefused";

    /** MLflow answers again after it could not be reached (an Event). */
    public static final String REGISTRY_REACHABLE = "RegistryReachable";

    /** Archive reason for a version that lost on offline metrics (the trainer's {@code decide} rejected it). */
    public static final String LOST_OFFLINE = "LostOffline";

    /** Archive reason for a version someone or something moved to stage Archived in MLflow, without a decision tag. */
    public static final String ARCHIVED_IN_MLFLOW = "ArchivedInMlflow";

    private RecModelReasons() {}
}
