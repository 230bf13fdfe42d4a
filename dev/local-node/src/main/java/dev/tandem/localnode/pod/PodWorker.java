/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import dev.tandem.localnode.launch.ContainerConfigException;
import dev.tandem.localnode.probe.ProbeKind;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one pod on the node, on its own thread, as a kubelet's pod worker does: admits it, gives it an address and
 * its volumes, runs its init containers one after the other and then its containers, probes them, restarts them per
 * the pod's restart policy, reports the status whenever it changes, and on deletion stops the processes (SIGTERM,
 * SIGKILL after the grace period) and removes the pod object.
 */
final class PodWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PodWorker.class);
    private static final Duration LONGEST_SLEEP = Duration.ofSeconds(2);
    private static final String LOG_ANNOTATION_PREFIX = "log.tandem.dev/";
    private static final String NODE_SHUTDOWN_MESSAGE = "Pod was terminated in response to imminent node shutdown.";

    private final NodeContext node;
    private final String uid;
    private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
    private final List<ContainerRun> initRuns = new ArrayList<>();
    private final List<ContainerRun> runs = new ArrayList<>();
    private final Runnable onFinished;
    private final ContainerStarter starter;

    private volatile Pod latest;
    private volatile boolean gone;
    private volatile boolean nodeShutdown;
    private PodDirectory dir;
    private boolean admitted;
    private Instant startTime;
    private String podIp;
    private Map<String, Path> volumes;
    private Instant volumeRetryAt = Instant.MIN;
    private boolean logsAnnotated;
    private String fixedPhase;
    private String reason;
    private String message;
    private boolean stopping;
    private PodStatus written;
    private boolean finished;

    PodWorker(NodeContext node, Pod pod, Runnable onFinished) {
        this.node = node;
        this.uid = pod.getMetadata().getUid();
        this.latest = pod;
        this.onFinished = onFinished;
        this.starter = new ContainerStarter(node);
    }

    /** A newer version of the pod from the API server. */
    void update(Pod pod) {
        latest = pod;
        wake();
    }

    /** The pod object is gone from the API server (deleted without waiting for the node). */
    void gone() {
        gone = true;
        wake();
    }

    /** Stops the pod's processes because the node is going away; the pod ends Failed but is not deleted. */
    void shutDown() {
        nodeShutdown = true;
        wake();
    }

    boolean finished() {
        return finished;
    }

    private void wake() {
        wakeups.offer(Boolean.TRUE);
    }

    @Override
    public void run() {
        Thread.currentThread().setName("pod " + describe(latest));
        try {
            while (!finished) {
                Duration sleep;
                try {
                    sleep = sync(node.clock().instant());
                } catch (RuntimeException e) {
                    // The API server being briefly unreachable must not end the pod's processes: try again shortly.
                    LOG.warn("syncing pod {} failed, retrying: {}", describe(latest), e.toString());
                    sleep = Duration.ofSeconds(1);
                }
                if (!finished) {
                    wakeups.poll(Math.max(10, sleep.toMillis()), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            allRuns().forEach(ContainerRun::killNow);
        } finally {
            onFinished.run();
        }
    }

    /** One pass; returns how long to sleep before the next unless woken. */
    private Duration sync(Instant now) {
        Pod pod = latest;
        if (dir == null) {
            dir = PodDirectory.of(node.podsDir(), pod);
        }
        if (gone || nodeShutdown || pod.getMetadata().getDeletionTimestamp() != null) {
            return stop(pod, now);
        }
        if (!admitted) {
            admit(pod, now);
        }
        if (fixedPhase != null) {
            writeStatus(pod, now);
            return Duration.ofMinutes(1);
        }
        if (podIp == null) {
            podIp = pod.getSpec().getHostNetwork() != null && pod.getSpec().getHostNetwork()
                    ? node.hostIp()
                    : node.ips().allocate(uid).orElse(null);
            if (podIp == null) {
                allRuns().forEach(r -> r.cannotStart("ContainerCreating", "no free pod address", now));
                writeStatus(pod, now);
                return Duration.ofSeconds(5);
            }
        }
        if (volumes == null) {
            if (now.isBefore(volumeRetryAt)) {
                return Duration.between(now, volumeRetryAt);
            }
            try {
                volumes = node.volumes().prepare(pod, dir);
            } catch (ContainerConfigException e) {
                volumeRetryAt = now.plus(node.configRetry());
                allRuns().stream()
                        .filter(r -> !r.everStarted())
                        .forEach(r -> r.cannotStart(ContainerConfigException.REASON, e.getMessage(), volumeRetryAt));
                node.api().event(pod, null, "Warning", "FailedMount", e.getMessage());
                writeStatus(pod, now);
                return node.configRetry();
            }
        }
        if (!logsAnnotated) {
            annotateLogs(pod);
        }
        allRuns().forEach(r -> r.reap(now));

        boolean initialized = runInitContainers(pod, now);
        if (initialized) {
            for (ContainerRun run : runs) {
                runContainer(pod, run, now);
            }
        } else {
            runs.forEach(r -> r.waitingFor("PodInitializing"));
        }
        PodStatus status = writeStatus(pod, now);
        if (PodPhases.terminal(status.getPhase())) {
            // Every process has exited and none will start again: the pod waits only for its deletion.
            fixedPhase = status.getPhase();
            node.ips().release(uid);
            LOG.info("pod {} {}", describe(pod), fixedPhase);
        }
        return nextWake(now);
    }

    private void admit(Pod pod, Instant now) {
        admitted = true;
        PodStatus reported = pod.getStatus();
        startTime = reported != null && reported.getStartTime() != null ? Instant.parse(reported.getStartTime()) : now;
        Stream.ofNullable(pod.getSpec().getInitContainers())
                .flatMap(List::stream)
                .forEach(c -> initRuns.add(new ContainerRun(c, "PodInitializing")));
        pod.getSpec().getContainers().forEach(c -> runs.add(new ContainerRun(c, "ContainerCreating")));
        if (reported != null && PodPhases.terminal(reported.getPhase())) {
            // Finished before this agent started: nothing runs again.
            fixedPhase = reported.getPhase();
            reason = reported.getReason();
            message = reported.getMessage();
            return;
        }
        Optional<Rejection> rejection = node.admission().check(pod);
        if (rejection.isPresent()) {
            fixedPhase = PodPhases.FAILED;
            reason = rejection.get().reason();
            message = rejection.get().message();
            node.api().event(pod, null, "Warning", reason, message);
            return;
        }
        if (reported != null) {
            recover(reported, now);
        }
    }

    // An earlier node agent ran this pod: its processes are gone (OrphanReaper), so what was running is lost.
    private void recover(PodStatus reported, Instant now) {
        if (reported.getPodIP() != null && node.ips().reserve(uid, reported.getPodIP())) {
            podIp = reported.getPodIP();
        }
        recover(initRuns, reported.getInitContainerStatuses(), now);
        recover(runs, reported.getContainerStatuses(), now);
    }

    private static void recover(List<ContainerRun> runs, List<ContainerStatus> statuses, Instant now) {
        if (statuses == null) {
            return;
        }
        for (ContainerRun run : runs) {
            statuses.stream()
                    .filter(s -> s.getName().equals(run.name()))
                    .findFirst()
                    .ifPresent(s -> {
                        if (s.getState() != null && s.getState().getRunning() != null) {
                            run.lost(s, now);
                        } else {
                            run.resume(s);
                        }
                    });
        }
    }

    /** @return whether every init container has completed */
    private boolean runInitContainers(Pod pod, Instant now) {
        for (ContainerRun init : initRuns) {
            if (init.succeeded()) {
                continue;
            }
            if (init.running()) {
                return false;
            }
            boolean failed = init.termination().map(t -> t.getExitCode() != 0).orElse(false);
            if (failed && !init.restartPending()) {
                if ("Never".equals(pod.getSpec().getRestartPolicy())) {
                    return false;
                }
                init.scheduleRestart(node.backoff(), now, describe(pod));
                node.api().event(pod, init.name(), "Warning", "BackOff", "Back-off restarting failed container");
            }
            if (!init.everStarted() || init.restartDue(now)) {
                start(pod, init, now);
            }
            return false;
        }
        return true;
    }

    private void runContainer(Pod pod, ContainerRun run, Instant now) {
        if (run.running()) {
            Optional<ProbeKind> failed = run.probe(
                    node.prober(),
                    podIp,
                    now,
                    (c, kind, detail) -> node.api()
                            .event(pod, c.name(), "Warning", "Unhealthy", kind.label() + " probe failed: " + detail));
            if (failed.isPresent()) {
                node.api()
                        .event(
                                pod,
                                run.name(),
                                "Normal",
                                "Killing",
                                "Container " + run.name() + " failed "
                                        + failed.get().label().toLowerCase(Locale.ROOT) + " probe, will be restarted");
                run.stop(gracePeriod(pod, Optional.empty()), Duration.ZERO, now, true);
            }
            run.enforceStop(now);
            return;
        }
        if (run.restartPending()) {
            if (run.restartDue(now)) {
                start(pod, run, now);
            }
            return;
        }
        Optional<Integer> exitCode = run.termination().map(t -> t.getExitCode());
        if (exitCode.isPresent()) {
            if (restarts(pod.getSpec().getRestartPolicy(), exitCode.get())) {
                Duration wait = run.scheduleRestart(node.backoff(), now, describe(pod));
                if (!wait.isZero()) {
                    node.api()
                            .event(
                                    pod,
                                    run.name(),
                                    "Warning",
                                    "BackOff",
                                    "Back-off restarting failed container " + run.name() + " in pod " + describe(pod));
                }
                if (run.restartDue(now)) {
                    start(pod, run, now);
                }
            }
            return;
        }
        start(pod, run, now);
    }

    private static boolean restarts(String policy, int exitCode) {
        return switch (policy == null ? "Always" : policy) {
            case "Never" -> false;
            case "OnFailure" -> exitCode != 0;
            default -> true;
        };
    }

    private void start(Pod pod, ContainerRun run, Instant now) {
        if (!run.retryDue(now)) {
            return;
        }
        ContainerStarter.Outcome outcome = starter.start(pod, run.spec(), podIp, volumes, dir, now, this::wake);
        switch (outcome) {
            case ContainerStarter.Started started -> {
                run.started(started.process(), started.imageId(), now);
                LOG.info(
                        "pod {} container {}: started process {} on {}",
                        describe(pod),
                        run.name(),
                        started.process().pid(),
                        podIp);
                node.api()
                        .event(
                                pod,
                                run.name(),
                                "Normal",
                                "Started",
                                "Started container " + run.name() + " as process "
                                        + started.process().pid() + " (log: " + dir.log(run.name()) + ")");
            }
            case ContainerStarter.CannotStart refused -> {
                // Said once per reason, not on every retry.
                if (!refused.reason().equals(waitingReason(run))) {
                    node.api().event(pod, run.name(), "Warning", "Failed", refused.message());
                }
                run.cannotStart(refused.reason(), refused.message(), now.plus(refused.retryAfter()));
            }
        }
    }

    /** Stops every process, then writes the final status and removes the pod (or keeps it on node shutdown). */
    private Duration stop(Pod pod, Instant now) {
        if (!stopping) {
            stopping = true;
            Duration grace =
                    gracePeriod(pod, Optional.ofNullable(pod.getMetadata().getDeletionGracePeriodSeconds()));
            for (ContainerRun run : allRuns()) {
                if (run.running()) {
                    node.api().event(pod, run.name(), "Normal", "Killing", "Stopping container " + run.name());
                    run.stop(grace, Lifecycles.preStopSleep(run.spec()), now, false);
                }
            }
        }
        allRuns().forEach(r -> {
            r.enforceStop(now);
            r.reap(now);
        });
        Optional<Instant> next = allRuns().stream()
                .map(ContainerRun::nextSignal)
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
        if (allRuns().stream().anyMatch(ContainerRun::running)) {
            Duration untilSignal = next.map(n -> Duration.between(now, n)).orElse(LONGEST_SLEEP);
            return shortest(untilSignal, Duration.ofMillis(200));
        }
        if (fixedPhase == null) {
            fixedPhase = allRuns().stream().allMatch(r -> r.succeeded() || !r.everStarted()) && !nodeShutdown
                    ? PodPhases.SUCCEEDED
                    : PodPhases.FAILED;
            if (nodeShutdown) {
                reason = "Terminated";
                message = NODE_SHUTDOWN_MESSAGE;
            }
        }
        if (!gone) {
            writeStatus(pod, now);
            if (!nodeShutdown) {
                node.api().deleteFinished(pod);
            }
        }
        node.ips().release(uid);
        dir.removeAllButLogs();
        finished = true;
        return Duration.ZERO;
    }

    private Duration gracePeriod(Pod pod, Optional<Long> deletionGrace) {
        long seconds = deletionGrace.orElseGet(() -> pod.getSpec().getTerminationGracePeriodSeconds() == null
                ? 30L
                : pod.getSpec().getTerminationGracePeriodSeconds());
        return Duration.ofSeconds(Math.max(0, seconds));
    }

    private void annotateLogs(Pod pod) {
        Map<String, String> annotations = new LinkedHashMap<>();
        allRuns()
                .forEach(r -> annotations.put(
                        LOG_ANNOTATION_PREFIX + r.name(), dir.log(r.name()).toString()));
        logsAnnotated = true;
        if (!node.api().annotate(pod, annotations)) {
            gone = true;
        }
    }

    private PodStatus writeStatus(Pod pod, Instant now) {
        PodStatusInput input = new PodStatusInput(
                fixedPhase,
                reason,
                message,
                node.hostIp(),
                podIp,
                startTime == null ? now : startTime,
                initRuns.stream().map(ContainerRun::status).toList(),
                runs.stream().map(ContainerRun::status).toList());
        PodStatus status = PodStatusAssembler.build(pod, input, now);
        if (status.equals(written)) {
            return status;
        }
        if (node.api().writeStatus(pod, status)) {
            written = status;
        } else {
            gone = true;
        }
        return status;
    }

    private Duration nextWake(Instant now) {
        Duration sleep = LONGEST_SLEEP;
        for (ContainerRun run : allRuns()) {
            for (Optional<Instant> at : List.of(
                    run.nextProbe(),
                    run.nextSignal(),
                    Optional.ofNullable(run.restartPending() ? run.restartAt() : null))) {
                if (at.isPresent()) {
                    sleep = shortest(sleep, Duration.between(now, at.get()));
                }
            }
        }
        return sleep;
    }

    private List<ContainerRun> allRuns() {
        List<ContainerRun> all = new ArrayList<>(initRuns);
        all.addAll(runs);
        return all;
    }

    private static String waitingReason(ContainerRun run) {
        ContainerStatus status = run.status();
        return status.getState().getWaiting() == null
                ? null
                : status.getState().getWaiting().getReason();
    }

    private static Duration shortest(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String describe(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }
}
