/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

/**
 * A container cannot be started as specified (a missing ConfigMap key, an unsupported feature); its message is
 * what the container's waiting state shows, with the reason kubelets use for such problems.
 */
public final class ContainerConfigException extends Exception {

    /** The waiting reason kubelets give a container whose configuration cannot be built. */
    public static final String REASON = "CreateContainerConfigError";

    private static final long serialVersionUID = 1L;

    public ContainerConfigException(String message) {
        super(message);
    }
}
