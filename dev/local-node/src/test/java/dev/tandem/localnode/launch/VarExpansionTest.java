/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VarExpansionTest {

    private final Map<String, String> vars = Map.of("POD_IP", "127.200.0.7", "PORT", "8501");

    @Test
    void expandsDefinedVariables() {
        assertThat(VarExpansion.expand("http://$(POD_IP):$(PORT)/", vars)).isEqualTo("http://127.200.0.7:8501/");
    }

    @Test
    void keepsUndefinedReferencesAndEscapes() {
        assertThat(VarExpansion.expand("$(MISSING)/x", vars)).isEqualTo("$(MISSING)/x");
        assertThat(VarExpansion.expand("$$(POD_IP)", vars)).isEqualTo("$(POD_IP)");
        assertThat(VarExpansion.expand("cost $5 and $(PORT", vars)).isEqualTo("cost $5 and $(PORT");
        assertThat(VarExpansion.expand("trailing $", vars)).isEqualTo("trailing $");
    }
}
