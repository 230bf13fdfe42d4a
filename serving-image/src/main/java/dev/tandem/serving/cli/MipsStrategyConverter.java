/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import dev.tandem.bundle.MipsStrategy;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --mips} by the names index manifests use ({@code mobius}, {@code extra-dimension}). */
final class MipsStrategyConverter implements ITypeConverter<MipsStrategy> {

    @Override
    public MipsStrategy convert(String value) {
        return MipsStrategy.named(value);
    }
}
