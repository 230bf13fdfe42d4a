/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import java.nio.file.Path;

/**
 * A host directory or file bound into a container's root filesystem.
 *
 * @param containerPath where the container sees it (absolute)
 * @param hostPath what is bound there
 * @param readOnly whether the container may only read it
 */
public record Mount(String containerPath, Path hostPath, boolean readOnly) {

    public Mount {
        if (!containerPath.startsWith("/")) {
            throw new IllegalArgumentException("mount path " + containerPath + " is not absolute");
        }
    }
}
