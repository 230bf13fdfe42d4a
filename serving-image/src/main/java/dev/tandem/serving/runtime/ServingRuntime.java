/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.runtime;

import dev.tandem.bundle.HnswParams;
import dev.tandem.mlflow.MlflowArtifactProxy;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.mlflow.ModelRegistry;
import dev.tandem.serving.config.ServingConfig;
import dev.tandem.serving.index.GraphBuild;
import dev.tandem.serving.metrics.ServingMetrics;
import dev.tandem.serving.pair.PairLoadException;
import dev.tandem.serving.pair.PairLoader;
import dev.tandem.serving.pair.PairSource;
import dev.tandem.serving.pair.ServedModel;
import dev.tandem.serving.pair.ServedPair;
import dev.tandem.serving.pair.Warmup;
import dev.tandem.serving.recommend.Recommender;
import dev.tandem.serving.recommend.RerankPolicy;
import dev.tandem.serving.tower.TowerSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.jboss.logging.Logger;

/**
 * Wires the serving runtime from its settings and loads the configured bundle at start, in the background:
 * the HTTP server (and liveness) come up at once, readiness follows when the first version is warm.
 */
@ApplicationScoped
public class ServingRuntime {

    private static final Logger LOG = Logger.getLogger(ServingRuntime.class);

    @Produces
    @Singleton
    ServingMetrics metrics(MeterRegistry registry) {
        return new ServingMetrics(registry);
    }

    @Produces
    @Singleton
    Recommender recommender(ServingConfig config, ServingMetrics metrics) {
        ServingConfig.Rerank r = config.rerank();
        return new Recommender(
                new RerankPolicy(r.popularityWeight(), r.freshnessWeight(), r.freshnessHalfLifeDays(), r.candidates()),
                config.maxK(),
                metrics);
    }

    @Produces
    @Singleton
    ServedModel servedModel(ServingConfig config, Recommender recommender, ServingMetrics metrics) {
        Optional<PairLoader.Mlflow> mlflow = config.mlflow().trackingUri().map(uri -> {
            HttpClient http = HttpClient.newHttpClient();
            return new PairLoader.Mlflow(
                    new ModelRegistry(new MlflowRestClient(uri, http)), new MlflowArtifactProxy(uri, http));
        });
        ServingConfig.Hnsw h = config.hnsw();
        int threads = config.buildThreads().orElse(Runtime.getRuntime().availableProcessors());
        PairLoader loader = new PairLoader(
                mlflow,
                config.cacheDir(),
                new GraphBuild(
                        h.mips(),
                        new HnswParams(h.maxDegree(), h.beamWidth(), h.overquery(), 1.2f, 1.2f),
                        new ForkJoinPool(threads)),
                towerSettings(config),
                new Warmup(recommender.unmetered(), config.warmupQueries()));
        ServedModel model = new ServedModel(config.modelName(), loader);
        registerGauges(metrics, model);
        return model;
    }

    void start(@Observes StartupEvent event, ServingConfig config, ServedModel model) {
        config.bundle().ifPresent(bundle -> {
            PairSource source = new PairSource(bundle, config.index());
            Thread.ofPlatform().name("initial-load").start(() -> {
                try {
                    long version = model.load(source);
                    LOG.infof("serving version %d from %s", version, bundle);
                } catch (PairLoadException e) {
                    LOG.errorf("cannot serve %s: %s (%s)", bundle, e.getMessage(), e.code());
                } catch (RuntimeException | LinkageError e) {
                    LOG.errorf(e, "cannot serve %s", bundle);
                }
            });
        });
    }

    void stop(@Observes ShutdownEvent event, ServedModel model) {
        model.unloadAll();
    }

    /** How the served towers run, from the settings. */
    static TowerSettings towerSettings(ServingConfig config) {
        return new TowerSettings(
                config.tower().maxBatch(),
                config.tower().intraOpThreads(),
                config.tower().interOpThreads());
    }

    private static void registerGauges(ServingMetrics metrics, ServedModel model) {
        MeterRegistry registry = metrics.registry();
        Gauge.builder("tandem.serving.version.serving", model, m -> m.routing().serving())
                .description("The model version requests without a version get (-1 before the first load)")
                .register(registry);
        Gauge.builder(
                        "tandem.serving.versions.available",
                        model,
                        m -> m.routing().pairs().size())
                .description("Versions loaded and answering")
                .register(registry);
        MultiGauge states = MultiGauge.builder("tandem.serving.version.state")
                .description("1 for each version in its current state (START, LOADING, AVAILABLE, UNLOADING, END)")
                .register(registry);
        MultiGauge loadTimes = MultiGauge.builder("tandem.serving.pair.load.duration")
                .description("Seconds a loaded version took from the start of its load to the end of its warm-up")
                .baseUnit("seconds")
                .register(registry);
        MultiGauge recalls = MultiGauge.builder("tandem.serving.probe.recall")
                .description("recall@k of a loaded version's last recall probe (the operator's analysis runs them)")
                .register(registry);
        model.onStatusChange(() -> {
            states.register(
                    model.statuses().stream()
                            .map(s -> MultiGauge.Row.of(
                                    Tags.of(
                                            "version",
                                            Long.toString(s.version()),
                                            "state",
                                            s.state().name()),
                                    1))
                            .toList(),
                    true);
            var pairs = model.routing().pairs().values();
            loadTimes.register(
                    pairs.stream()
                            .map(p -> MultiGauge.Row.of(
                                    Tags.of("version", Long.toString(p.version())), p, ServedPair::loadSeconds))
                            .toList(),
                    true);
            recalls.register(
                    pairs.stream()
                            .map(p -> MultiGauge.Row.of(
                                    Tags.of("version", Long.toString(p.version())), p, ServedPair::probeRecall))
                            .toList(),
                    true);
        });
        metrics.servedVersion(() -> model.routing().serving());
        Gauge.builder("tandem.serving.index.items", model, m -> {
                    var pair = m.routing().pairs().get(m.routing().serving());
                    return pair == null ? 0 : pair.catalog().size();
                })
                .description("Items in the serving version's index")
                .register(registry);
    }
}
