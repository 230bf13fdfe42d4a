/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.model;

import dev.tandem.bundle.TowerSignature;

/** How the exported tower is called, for the bundle manifest. */
public final class TowerSignatures {

    private TowerSignatures() {}

    public static TowerSignature of(ModelParams params) {
        return YoutubeDnnGraph.towerSignature(params);
    }
}
