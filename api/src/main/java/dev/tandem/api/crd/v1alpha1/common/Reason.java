/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.common;

/**
 * A reason Tandem gives in a condition or an Event: one CamelCase word a user can act on. Each kind's reasons are one
 * enum whose constants are spelled as the word itself, so {@link #name()} is what {@code kubectl} shows.
 */
public interface Reason {

    /** The word. */
    String name();

    /** Whether {@code reason}, as read from a condition or a record, is this one. */
    default boolean is(String reason) {
        return name().equals(reason);
    }
}
