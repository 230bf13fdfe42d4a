/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The versions of the one model this process serves, and which one answers a request.
 *
 * <p>What requests see is one immutable {@link Routing} swapped atomically: the available pairs, the labels,
 * and the serving version (the one asked for last; requests that name no version get it). Loading version
 * N+1 happens beside N; when N+1 is warm the routing switches to it in one step, then N is retired and closes
 * once its requests in flight are done (availability-preserving, as TF Serving's default policy). Versions
 * that a label points at stay loaded.
 */
public final class ServedModel {

    private static final Logger LOG = Logger.getLogger(ServedModel.class);

    /**
     * What requests are routed by.
     *
     * @param pairs available pairs by version
     * @param labels label → version, each pointing at an available version
     * @param serving the version requests without a version or label get, or -1 before the first load
     */
    public record Routing(Map<Long, ServedPair> pairs, Map<String, Long> labels, long serving) {

        static final Routing EMPTY = new Routing(Map.of(), Map.of(), -1);

        public Routing {
            pairs = Collections.unmodifiableMap(new TreeMap<>(pairs));
            labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        }
    }

    private final Optional<String> configuredName;
    private final PairLoader loader;
    private volatile String name;
    private final AtomicReference<Routing> routing = new AtomicReference<>(Routing.EMPTY);
    private final Map<Long, VersionStatus> statuses = new ConcurrentSkipListMap<>();
    private final Set<Long> loading = ConcurrentHashMap.newKeySet();
    private final Object changes = new Object();
    private volatile Runnable statusListener = () -> {};

    /**
     * @param configuredName the name clients use; when empty, the registered model name of the first bundle
     *     loaded, and later bundles must be of the same model
     */
    public ServedModel(Optional<String> configuredName, PairLoader loader) {
        this.configuredName = configuredName;
        this.loader = loader;
        this.name = configuredName.orElse(null);
    }

    /** The model name requests must use; empty until the first bundle names it. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** Called after every change of a version's state (metrics follow the states through it). */
    public void onStatusChange(Runnable listener) {
        this.statusListener = listener;
    }

    public Routing routing() {
        return routing.get();
    }

    /** Every version this process has known, with its state, oldest first. */
    public List<VersionStatus> statuses() {
        return new ArrayList<>(statuses.values());
    }

    public Optional<VersionStatus> status(long version) {
        return Optional.ofNullable(statuses.get(version));
    }

    /** True once some version is available. */
    public boolean hasAvailableVersion() {
        return routing.get().serving() >= 0;
    }

    /**
     * Holds the pair that answers a request for a version, a label, or (neither) the serving version. The
     * caller must {@link ServedPair#release()} it.
     */
    public ServedPair acquire(OptionalLong version, Optional<String> label) {
        while (true) {
            Routing now = routing.get();
            ServedPair pair = pick(now, version, label);
            if (pair.tryAcquire()) {
                return pair;
            }
            // Retired between reading the routing and taking it: the routing has moved on, read it again.
        }
    }

    private ServedPair pick(Routing now, OptionalLong version, Optional<String> label) {
        long wanted;
        if (version.isPresent()) {
            wanted = version.getAsLong();
        } else if (label.isPresent()) {
            Long labelled = now.labels().get(label.get());
            if (labelled == null) {
                throw new ServableNotFoundException(
                        "Unrecognized servable version label: " + label.get() + " for model " + name);
            }
            wanted = labelled;
        } else {
            wanted = now.serving();
        }
        ServedPair pair = now.pairs().get(wanted);
        if (pair == null) {
            throw new ServableNotFoundException(
                    version.isPresent()
                            ? "Servable not found for request: Specific(" + name + ", " + wanted + ")"
                            : "Servable not found for request: Latest(" + name + ")");
        }
        return pair;
    }

    /**
     * Loads a pair and makes it the serving version; the version it replaces is retired unless a label keeps
     * it. Blocks until the new version is available or has failed; the version's status says which.
     *
     * @return the loaded version
     */
    public long load(PairSource source) throws PairLoadException {
        ResolvedPair resolved = loader.resolve(source);
        long version = resolved.version();
        String bundleModel = resolved.bundle().manifest().modelName();
        synchronized (changes) {
            if (name == null) {
                name = bundleModel;
            } else if (configuredName.isEmpty() && !name.equals(bundleModel)) {
                throw new PairLoadException(
                        "FAILED_PRECONDITION",
                        "the bundle is of model " + bundleModel + ", this server serves " + name,
                        null);
            }
        }
        if (routing.get().pairs().containsKey(version) || !loading.add(version)) {
            throw new PairLoadException(
                    "ALREADY_EXISTS", "version " + version + " of " + name + " is already loaded or loading", null);
        }
        try {
            setStatus(version, VersionStatus.ok(version, VersionState.LOADING));
            ServedPair pair;
            try {
                pair = loader.open(resolved, () -> setStatus(version, VersionStatus.ok(version, VersionState.END)));
            } catch (PairLoadException e) {
                setStatus(version, VersionStatus.failed(version, e.code(), e.getMessage()));
                throw e;
            } catch (RuntimeException | LinkageError e) {
                // A bug or a broken runtime (say, a SIMD provider that cannot load) must end the version with
                // an error status rather than leave it LOADING, and the server unready, forever.
                setStatus(version, VersionStatus.failed(version, "INTERNAL", e.toString()));
                throw e;
            }
            List<ServedPair> replaced;
            synchronized (changes) {
                Routing before = routing.get();
                Map<Long, ServedPair> pairs = new TreeMap<>(before.pairs());
                pairs.put(version, pair);
                routing.set(new Routing(pairs, before.labels(), version));
                setStatus(version, VersionStatus.ok(version, VersionState.AVAILABLE));
                replaced = retireUnpinned();
            }
            LOG.infof("%s version %d is serving", name, version);
            replaced.forEach(this::retire);
            return version;
        } finally {
            loading.remove(version);
        }
    }

    /** Points a label at an available version (TF Serving allows labels only on available versions). */
    public void setLabel(String label, long version) {
        List<ServedPair> replaced;
        synchronized (changes) {
            Routing before = routing.get();
            if (!before.pairs().containsKey(version)) {
                throw new VersionNotAvailableException("version " + version + " of " + name
                        + " is not available; a label can point only at an available version");
            }
            Map<String, Long> labels = new TreeMap<>(before.labels());
            labels.put(label, version);
            routing.set(new Routing(before.pairs(), labels, before.serving()));
            replaced = retireUnpinned();
        }
        replaced.forEach(this::retire);
    }

    /** Removes a label; the version it pointed at is unloaded unless it is serving or another label keeps it. */
    public void removeLabel(String label) {
        List<ServedPair> replaced;
        synchronized (changes) {
            Routing before = routing.get();
            Map<String, Long> labels = new TreeMap<>(before.labels());
            labels.remove(label);
            routing.set(new Routing(before.pairs(), labels, before.serving()));
            replaced = retireUnpinned();
        }
        replaced.forEach(this::retire);
    }

    /** Retires every version. */
    public void unloadAll() {
        List<ServedPair> all;
        synchronized (changes) {
            all = new ArrayList<>(routing.get().pairs().values());
            routing.set(Routing.EMPTY);
        }
        all.forEach(this::retire);
    }

    // Takes out of the routing every pair that neither serves nor carries a label; called under `changes`.
    private List<ServedPair> retireUnpinned() {
        Routing now = routing.get();
        List<ServedPair> out = new ArrayList<>();
        Map<Long, ServedPair> kept = new TreeMap<>();
        for (Map.Entry<Long, ServedPair> e : now.pairs().entrySet()) {
            if (e.getKey() == now.serving() || now.labels().containsValue(e.getKey())) {
                kept.put(e.getKey(), e.getValue());
            } else {
                out.add(e.getValue());
            }
        }
        if (!out.isEmpty()) {
            routing.set(new Routing(kept, now.labels(), now.serving()));
        }
        return out;
    }

    private void setStatus(long version, VersionStatus status) {
        statuses.put(version, status);
        statusListener.run();
    }

    private void retire(ServedPair pair) {
        setStatus(pair.version(), VersionStatus.ok(pair.version(), VersionState.UNLOADING));
        LOG.infof("%s version %d is unloading (%d requests in flight)", name, pair.version(), pair.inFlight());
        pair.retire();
    }
}
