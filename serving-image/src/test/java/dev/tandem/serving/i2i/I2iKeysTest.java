/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.i2i;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class I2iKeysTest {

    private final I2iKeys keys = new I2iKeys("tandem", "youtube-dnn");

    @Test
    void namesThePointerAndOneHashPerVersion() {
        assertThat(keys.pointer()).isEqualTo("tandem:youtube-dnn:current");
        assertThat(keys.version(3)).isEqualTo("tandem:youtube-dnn:v3:i2i");
        // A reader builds the hash's name from the pointer's value.
        assertThat(keys.version("3")).isEqualTo(keys.version(3));
    }

    @Test
    void stagingHashesSitBesideTheirVersionAndMatchTheScanPattern() {
        String staging = keys.staging(4, "0a1b2c3d");

        assertThat(staging).isEqualTo("tandem:youtube-dnn:v4:i2i-staging:0a1b2c3d");
        assertThat(staging).matches(keys.stagingPattern().replace("*", ".*"));
        assertThat(keys.version(4)).doesNotMatch(keys.stagingPattern().replace("*", ".*"));
    }

    @Test
    void needsAPrefixAndAModel() {
        assertThatThrownBy(() -> new I2iKeys("", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new I2iKeys("tandem", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
