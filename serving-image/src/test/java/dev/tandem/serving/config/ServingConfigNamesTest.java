/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.serving.ServingProperties;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment variables the operator sets on serving pods reach the settings they are meant for. */
class ServingConfigNamesTest {

    @Test
    void theOperatorsEnvironmentVariablesSetTheServingSettings() {
        Map<String, String> env = Map.of(
                ServingProperties.env(ServingProperties.BUNDLE), "models:/movies/3",
                ServingProperties.env(ServingProperties.INDEX), "mlflow-artifacts:/1/r/artifacts/tandem-indexes/x",
                ServingProperties.env(ServingProperties.MLFLOW_TRACKING_URI), "http://mlflow:5000",
                ServingProperties.env(ServingProperties.CACHE_DIR), "/var/cache/tandem",
                ServingProperties.env(ServingProperties.WARMUP_QUERIES), "42",
                ServingProperties.env("hnsw.overquery"), "7");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ServingConfig.class)
                .withSources(new EnvConfigSource(env, 300))
                .build();

        ServingConfig serving = config.getConfigMapping(ServingConfig.class);

        assertThat(serving.bundle()).contains("models:/movies/3");
        assertThat(serving.index()).contains("mlflow-artifacts:/1/r/artifacts/tandem-indexes/x");
        assertThat(serving.mlflow().trackingUri()).contains(URI.create("http://mlflow:5000"));
        assertThat(serving.cacheDir()).isEqualTo(Path.of("/var/cache/tandem"));
        assertThat(serving.warmupQueries()).isEqualTo(42);
        assertThat(serving.hnsw().overquery()).isEqualTo(7);
    }
}
