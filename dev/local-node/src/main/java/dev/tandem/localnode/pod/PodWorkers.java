/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's pod workers, one per pod bound to the node (by UID, so a pod deleted and created again under the same
 * name gets a fresh worker), fed by an informer on the node's pods.
 */
public final class PodWorkers implements ResourceEventHandler<Pod> {

    private static final Logger LOG = LoggerFactory.getLogger(PodWorkers.class);

    private final NodeContext node;
    private final Map<String, PodWorker> workers = new ConcurrentHashMap<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    // Pods whose worker is done: the informer may still announce them once before their deletion arrives.
    private final Set<String> done = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 1_000;
        }
    }));
    private volatile boolean shuttingDown;

    public PodWorkers(NodeContext node) {
        this.node = node;
    }

    @Override
    public void onAdd(Pod pod) {
        dispatch(pod);
    }

    @Override
    public void onUpdate(Pod oldPod, Pod newPod) {
        dispatch(newPod);
    }

    @Override
    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
        PodWorker worker = workers.get(pod.getMetadata().getUid());
        if (worker != null) {
            worker.gone();
        }
    }

    private void dispatch(Pod pod) {
        if (shuttingDown || !node.nodeName().equals(pod.getSpec().getNodeName())) {
            return;
        }
        String uid = pod.getMetadata().getUid();
        PodWorker existing = workers.get(uid);
        if (existing != null) {
            existing.update(pod);
            return;
        }
        if (done.contains(uid)) {
            return;
        }
        PodWorker worker = new PodWorker(node, pod, () -> {
            done.add(uid);
            workers.remove(uid);
            threads.remove(uid);
        });
        workers.put(uid, worker);
        threads.put(uid, Thread.ofVirtual().start(worker));
    }

    /** How many pods the node is running or finishing. */
    public int active() {
        return workers.size();
    }

    /**
     * Stops every pod's processes (SIGTERM, SIGKILL after their grace periods, at most {@code timeout}), marking the
     * pods Failed as a kubelet's graceful node shutdown does.
     */
    public void shutDown(Duration timeout) {
        shuttingDown = true;
        workers.values().forEach(PodWorker::shutDown);
        Instant deadline = Instant.now().plus(timeout);
        for (Thread thread : List.copyOf(threads.values())) {
            Duration left = Duration.between(Instant.now(), deadline);
            try {
                if (left.isNegative() || !thread.join(left)) {
                    thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.info("all pods stopped");
    }
}
