/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the local platform. Its test methods may declare parameters of
 * type {@link LocalPlatform}, {@link io.fabric8.kubernetes.client.KubernetesClient} (one per test,
 * closed after it) and {@link TestNamespace} (created before the test, deleted after it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("platform")
@ExtendWith(LocalPlatformExtension.class)
public @interface LocalPlatformTest {}
