/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

/**
 * A namespace created for one test method and deleted after it, so tests never see each other's objects.
 *
 * @param name the namespace name
 */
public record TestNamespace(String name) {}
