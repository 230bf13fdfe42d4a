/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

import dev.tandem.bundle.BundleManifest;
import dev.tandem.serving.index.ItemGraph;
import dev.tandem.serving.index.ItemSearcher;
import dev.tandem.serving.tower.TowerBatcher;
import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One loaded version pair: the user tower and the item graph of the same model version, with its catalog.
 * Requests {@link #tryAcquire() acquire} it for their whole duration, so a request is answered by exactly one
 * pair; a {@link #retire() retired} pair refuses new requests and closes its native handles once the last
 * request in flight releases it.
 */
public final class ServedPair {

    private static final Logger LOG = Logger.getLogger(ServedPair.class);

    private final long version;
    private final BundleManifest manifest;
    private final ItemCatalog catalog;
    private final ItemGraph graph;
    private final TowerBatcher tower;
    private final ConcurrentLinkedDeque<ItemSearcher> searchers = new ConcurrentLinkedDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClosed;
    private volatile boolean retired;
    // Figures the metrics read at scrape time: set once the pair is warm, and by each recall probe.
    private volatile double loadSeconds = Double.NaN;
    private volatile double probeRecall = Double.NaN;

    /**
     * @param onClosed called once, after the native handles are closed
     */
    public ServedPair(
            long version,
            BundleManifest manifest,
            ItemCatalog catalog,
            ItemGraph graph,
            TowerBatcher tower,
            Runnable onClosed) {
        this.version = version;
        this.manifest = manifest;
        this.catalog = catalog;
        this.graph = graph;
        this.tower = tower;
        this.onClosed = onClosed;
    }

    /** Seconds from the start of its load (index, tower) to the end of its warm-up; NaN until then. */
    public double loadSeconds() {
        return loadSeconds;
    }

    void loaded(long nanos) {
        this.loadSeconds = nanos / 1e9;
    }

    /** Recall@k its last recall probe measured; NaN before the first. */
    public double probeRecall() {
        return probeRecall;
    }

    /** Records what a recall probe of this pair measured. */
    public void probed(double recall) {
        this.probeRecall = recall;
    }

    public long version() {
        return version;
    }

    public BundleManifest manifest() {
        return manifest;
    }

    public ItemCatalog catalog() {
        return catalog;
    }

    public ItemGraph graph() {
        return graph;
    }

    public TowerBatcher tower() {
        return tower;
    }

    /** Takes the pair for one request; false when it has been retired (resolve the serving pair again). */
    public boolean tryAcquire() {
        inFlight.incrementAndGet();
        if (retired) {
            release();
            return false;
        }
        return true;
    }

    /** Ends one request's use of the pair. */
    public void release() {
        if (inFlight.decrementAndGet() == 0 && retired) {
            closeOnce();
        }
    }

    /** A searcher for the calling request; give it back with {@link #giveBack}. */
    public ItemSearcher borrowSearcher() {
        ItemSearcher searcher = searchers.pollFirst();
        return searcher != null ? searcher : graph.searcher();
    }

    public void giveBack(ItemSearcher searcher) {
        searchers.addFirst(searcher);
    }

    /** Requests in flight now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Refuses new requests; closes when the last request in flight is done (at once if none is). */
    public void retire() {
        retired = true;
        if (inFlight.get() == 0) {
            closeOnce();
        }
    }

    private void closeOnce() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            tower.close();
            for (ItemSearcher searcher; (searcher = searchers.pollFirst()) != null; ) {
                searcher.close();
            }
            graph.close();
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "closing version %d left something open", version);
        } finally {
            onClosed.run();
        }
    }
}
