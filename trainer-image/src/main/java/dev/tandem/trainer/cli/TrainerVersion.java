/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.cli;

import picocli.CommandLine.IVersionProvider;

/** The trainer's version, as its jar manifest states it; recorded as the code version of what it trains. */
public final class TrainerVersion implements IVersionProvider {

    /** The version string, {@code dev} when run from classes rather than the jar. */
    public static String current() {
        String version = TrainerVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tandem-trainer " + current()};
    }
}
