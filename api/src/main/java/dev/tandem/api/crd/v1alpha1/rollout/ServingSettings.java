/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** Settings of the serving process that are not part of the pair. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServingSettings {

    @JsonPropertyDescription(
            "Extra JVM options (JAVA_OPTS) for the serving process, e.g. -Xmx6g -XX:+UseG1GC. The options jvector and"
                    + " TensorFlow need are always added.")
    private String javaOptions;

    @Default("300")
    @Min(0)
    @Max(100000)
    @JsonPropertyDescription("Queries each pod sends through a loaded pair before it reports ready. Default: 300.")
    private int warmupQueries = 300;

    @Size(max = 32)
    @JsonPropertyDescription(
            "Further serving settings as tandem.* properties without the prefix (e.g. rerank.popularity-weight: \"0.2\")."
                    + " They reach the pods' configuration as given.")
    private Map<String, String> properties;

    public String getJavaOptions() {
        return javaOptions;
    }

    public void setJavaOptions(String javaOptions) {
        this.javaOptions = javaOptions;
    }

    public int getWarmupQueries() {
        return warmupQueries;
    }

    public void setWarmupQueries(int warmupQueries) {
        this.warmupQueries = warmupQueries;
    }

    public Map<String, String> getProperties() {
        return properties;
    }

    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }
}
