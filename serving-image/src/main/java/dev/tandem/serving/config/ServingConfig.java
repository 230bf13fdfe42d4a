/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.config;

import dev.tandem.api.serving.ServingProperties;
import dev.tandem.bundle.MipsStrategy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The serving runtime's settings ({@code tandem.*} properties, or {@code TANDEM_*} environment variables). Those the
 * operator sets on serving pods are named by {@link ServingProperties}, so both sides compile against one name.
 */
@ConfigMapping(prefix = ServingProperties.PREFIX)
public interface ServingConfig {

    /**
     * The bundle to serve at start: a directory, {@code models:/<name>/<version>}, {@code models:/<name>@<alias>}
     * or an MLflow artifact URI. Without it the server starts empty and waits for a version to be loaded
     * through the admin API.
     */
    @WithName(ServingProperties.BUNDLE)
    Optional<String> bundle();

    /** The prebuilt index of that bundle (directory or artifact URI); without it the graph is built at start. */
    @WithName(ServingProperties.INDEX)
    Optional<String> index();

    /** The model name clients use; defaults to the registered model name in the bundle's manifest. */
    Optional<String> modelName();

    /** MLflow, for {@code models:/} and artifact URIs. */
    @WithName(ServingProperties.MLFLOW)
    Mlflow mlflow();

    /** Where remote bundles and indexes are downloaded. */
    @WithName(ServingProperties.CACHE_DIR)
    @WithDefault("${java.io.tmpdir}/tandem-serving")
    Path cacheDir();

    /** Graph parameters when the graph is built in the serving process. */
    Hnsw hnsw();

    /** Threads that build a graph; defaults to the available processors. */
    Optional<Integer> buildThreads();

    /** Requests sent through a new version before it takes traffic. */
    @WithName(ServingProperties.WARMUP_QUERIES)
    @WithDefault("300")
    int warmupQueries();

    /** The largest k a request may ask for. */
    @WithDefault("1000")
    int maxK();

    /** The largest predict body accepted; larger ones get 413 in TF Serving's error shape. */
    @WithDefault("4194304")
    int maxBodyBytes();

    /** The user tower. */
    Tower tower();

    /** Re-ranking of the index's candidates (off by default). */
    Rerank rerank();

    /** MLflow settings. */
    interface Mlflow {
        /** Tracking server, e.g. {@code http://mlflow:5000}. */
        @WithName(ServingProperties.TRACKING_URI)
        Optional<URI> trackingUri();
    }

    /** HNSW parameters. */
    interface Hnsw {
        /** Neighbours per node (jvector's M). */
        @WithDefault("32")
        int maxDegree();

        /** Candidates considered while building (efConstruction). */
        @WithDefault("200")
        int beamWidth();

        /** Candidates searched per result wanted. */
        @WithDefault("10")
        int overquery();

        /**
         * The space graphs are built in when a pair comes without an index: {@code mobius} (measured
         * best) or {@code extra-dimension}.
         */
        @WithDefault("mobius")
        MipsStrategy mips();
    }

    /** Tower settings. */
    interface Tower {
        /** The most requests one TensorFlow call computes together. */
        @WithDefault("64")
        int maxBatch();

        /**
         * Threads one TensorFlow op may use; 0 lets TensorFlow choose (one per core). The tower's ops are small,
         * so one thread answers them without handing work between threads, and leaves the other cores to
         * graph searches and other requests.
         */
        @WithDefault("1")
        int intraOpThreads();

        /**
         * Ops TensorFlow runs at once; 0 lets TensorFlow choose (one per core), -1 (the default) runs them on the
         * calling thread. TensorFlow shares one inter-op pool among all sessions of the process, so with a pool
         * the variable restore of a version being loaded (its item table, 128 MB at 1M items) held the serving
         * version's tower calls back for a second; on the calling thread nothing is shared.
         */
        @WithDefault("-1")
        int interOpThreads();
    }

    /** Re-ranking weights; see {@code RerankPolicy}. */
    interface Rerank {
        /** Weight of the item's popularity percentile. */
        @WithDefault("0")
        double popularityWeight();

        /** Weight of the item's freshness. */
        @WithDefault("0")
        double freshnessWeight();

        /** Age in days at which freshness is one half. */
        @WithDefault("30")
        double freshnessHalfLifeDays();

        /** Candidates the index returns for re-ranking (K'). */
        @WithDefault("100")
        int candidates();
    }
}
