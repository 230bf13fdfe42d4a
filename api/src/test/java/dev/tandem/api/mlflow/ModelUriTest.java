/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelUriTest {

    @Test
    void aPinnedVersionReadsBackAsItWasWritten() {
        ModelUri uri = ModelUri.of("movies-dnn", "7");

        assertThat(uri).hasToString("models:/movies-dnn/7");
        assertThat(ModelUri.parse(uri.toString())).isEqualTo(uri);
        assertThat(uri.version()).contains("7");
        assertThat(uri.alias()).isEmpty();
    }

    @Test
    void anAliasNamesNoVersion() {
        ModelUri uri = ModelUri.parse("models:/movies-dnn@champion");

        assertThat(uri).isEqualTo(ModelUri.ofAlias("movies-dnn", "champion"));
        assertThat(uri.version()).isEmpty();
        assertThat(uri).hasToString("models:/movies-dnn@champion");
    }

    @Test
    void malformedUrisAreRefusedWithBothForms() {
        for (String bad :
                new String[] {"models:/", "models:/m", "models:/m/v1", "models:/m@", "models:/a/b/1", "m/1"}) {
            assertThatThrownBy(() -> ModelUri.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("models:/<name>/<version> or models:/<name>@<alias>");
        }
    }

    @Test
    void onlyTheSchemeMakesARegistryUri() {
        assertThat(ModelUri.isRegistryUri("models:/m/1")).isTrue();
        assertThat(ModelUri.isRegistryUri("mlflow-artifacts:/1/r/artifacts/bundle"))
                .isFalse();
        assertThat(ModelUri.isRegistryUri("/var/lib/bundle")).isFalse();
        assertThat(ModelUri.isRegistryUri(null)).isFalse();
    }

    @Test
    void aUriNamesExactlyOneOfVersionAndAlias() {
        assertThatThrownBy(() -> new ModelUri("m", Optional.of("1"), Optional.of("champion")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelUri("m", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
