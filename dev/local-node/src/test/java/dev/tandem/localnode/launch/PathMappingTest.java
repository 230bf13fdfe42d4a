/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathMappingTest {

    private final PathMapping mapping = new PathMapping(Map.of(
            "/index", Path.of("/state/volumes/index"),
            "/models", Path.of("/state/volumes/models"),
            "/models/cache/", Path.of("/state/volumes/cache")));

    @Test
    void rewritesMountPathsAtTheStartOrAfterAnEqualsSign() {
        assertThat(mapping.map("/index")).isEqualTo("/state/volumes/index");
        assertThat(mapping.map("/index/graph.jvector")).isEqualTo("/state/volumes/index/graph.jvector");
        assertThat(mapping.map("--out=/index")).isEqualTo("--out=/state/volumes/index");
        assertThat(mapping.map("-Dtandem.index=/index/v2")).isEqualTo("-Dtandem.index=/state/volumes/index/v2");
    }

    @Test
    void theLongestMountPathWins() {
        assertThat(mapping.map("/models/cache/x")).isEqualTo("/state/volumes/cache/x");
        assertThat(mapping.map("/models/bundle")).isEqualTo("/state/volumes/models/bundle");
    }

    @Test
    void leavesOtherPathsAndPartialSegmentsAlone() {
        assertThat(mapping.map("/indexes/1")).isEqualTo("/indexes/1");
        assertThat(mapping.map("/data/index")).isEqualTo("/data/index");
        assertThat(mapping.map("models:/youtube-dnn/1")).isEqualTo("models:/youtube-dnn/1");
        assertThat(mapping.map("http://mlflow/index")).isEqualTo("http://mlflow/index");
        assertThat(mapping.map((String) null)).isNull();
        assertThat(PathMapping.none().map("/index")).isEqualTo("/index");
    }

    @Test
    void mapsEveryArgument() {
        assertThat(mapping.map(List.of("build-index", "--out", "/index", "--bundle", "/models/b")))
                .containsExactly("build-index", "--out", "/state/volumes/index", "--bundle", "/state/volumes/models/b");
    }

    @Test
    void aSingleFileMapsLikeAMountPathAndWinsOverAVolumeAboveIt() {
        PathMapping withFile = new PathMapping(Map.of("/dev", Path.of("/state/volumes/dev")))
                .with("/dev/termination-log", Path.of("/state/containers/c/termination-log"));

        assertThat(withFile.map("/dev/termination-log")).isEqualTo("/state/containers/c/termination-log");
        assertThat(withFile.map("--summary=/dev/termination-log"))
                .isEqualTo("--summary=/state/containers/c/termination-log");
        assertThat(withFile.map("/dev/termination-logs")).isEqualTo("/state/volumes/dev/termination-logs");
        assertThat(withFile.map("/dev/shm")).isEqualTo("/state/volumes/dev/shm");
        assertThat(mapping.map("/dev/termination-log")).isEqualTo("/dev/termination-log");
    }
}
