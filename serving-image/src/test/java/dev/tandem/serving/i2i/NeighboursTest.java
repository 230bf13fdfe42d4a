/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.i2i;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NeighboursTest {

    @Test
    void encodesIdScorePairsBestFirstWithFourDecimals() {
        Neighbours n = new Neighbours(new long[] {17, 4, 9, 12}, new float[] {12.34567f, 0.5f, -0.03114f, -0.00004f});

        assertThat(n.encode()).isEqualTo("17:12.3457,4:0.5000,9:-0.0311,12:0.0000");
    }

    @Test
    void readsBackWhatItWrote() {
        Neighbours n = new Neighbours(new long[] {3, 1_000_000_007L}, new float[] {0.81234f, -2.5f});

        Neighbours read = Neighbours.parse(n.encode());

        assertThat(read.ids()).containsExactly(3, 1_000_000_007L);
        assertThat(read.scores()).containsExactly(0.8123f, -2.5f);
    }

    @Test
    void anItemWithoutNeighboursIsTheEmptyString() {
        Neighbours none = new Neighbours(new long[0], new float[0]);

        assertThat(none.encode()).isEmpty();
        assertThat(Neighbours.parse("")).isEqualTo(none);
    }

    @Test
    void refusesValuesThatAreNotPairs() {
        assertThatThrownBy(() -> Neighbours.parse("3:0.5,7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'7' is not itemId:score");
        assertThatThrownBy(() -> new Neighbours(new long[] {1}, new float[] {Float.NaN}).encode())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
