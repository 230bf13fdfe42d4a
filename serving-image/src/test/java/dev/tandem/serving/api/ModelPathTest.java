/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ModelPathTest {

    @Test
    void readsTfServingPaths() {
        assertThat(ModelPath.parse("recs:predict"))
                .contains(new ModelPath("recs", OptionalLong.empty(), Optional.empty(), Optional.of("predict"), false));
        assertThat(ModelPath.parse("recs/versions/12:predict").orElseThrow().version())
                .hasValue(12);
        assertThat(ModelPath.parse("recs/labels/canary:predict").orElseThrow().label())
                .contains("canary");
        assertThat(ModelPath.parse("recs/versions/3/metadata").orElseThrow().metadata())
                .isTrue();
        assertThat(ModelPath.parse("recs").orElseThrow().verb()).isEmpty();
    }

    @Test
    void refusesOtherPaths() {
        assertThat(ModelPath.parse("recs/versions/x:predict")).isEmpty();
        assertThat(ModelPath.parse("recs/versions/99999999999999999999")).isEmpty();
        assertThat(ModelPath.parse("recs/other")).isEmpty();
        assertThat(ModelPath.parse("recs:PREDICT")).isEmpty();
    }
}
