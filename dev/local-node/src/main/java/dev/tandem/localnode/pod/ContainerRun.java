/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import dev.tandem.localnode.probe.ProbeKind;
import dev.tandem.localnode.probe.ProbeResult;
import dev.tandem.localnode.probe.ProbeSchedule;
import dev.tandem.localnode.probe.Prober;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One container of a pod on the node: its current process, its past runs as far as the status shows them (the
 * last termination, the restart count), its probes, and why it is waiting when it is not running.
 */
final class ContainerRun {

    /** The container's scheme in {@code containerID}: its process id follows. */
    static final String CONTAINER_ID_SCHEME = "process://";

    private final Container spec;
    private final List<ProbeSchedule> probes = new ArrayList<>();
    private ContainerProcess process;
    private String imageId = "";
    private int runs;
    private int restartCount;
    private ContainerStateTerminated termination;
    private ContainerStateTerminated previousTermination;
    private ContainerStateWaiting waiting;
    private boolean restartPending;
    private Duration lastWait;
    private Instant restartAt;
    private Instant retryAt = Instant.MIN;
    private boolean started;
    private boolean ready;
    private boolean killedByProbe;
    private Instant sigtermAt;
    private Instant sigkillAt;
    private boolean sigtermSent;

    ContainerRun(Container spec, String initialWaitingReason) {
        this.spec = spec;
        this.waiting = new ContainerStateWaiting(null, initialWaitingReason);
    }

    Container spec() {
        return spec;
    }

    String name() {
        return spec.getName();
    }

    boolean running() {
        return process != null && process.alive();
    }

    boolean everStarted() {
        return runs > 0 || termination != null;
    }

    /** Exited with code 0, and not to be started again. */
    boolean succeeded() {
        return !running() && termination != null && termination.getExitCode() == 0 && !restartPending;
    }

    /** Exited (for good or until its restart); empty while running or never run. */
    Optional<ContainerStateTerminated> termination() {
        return running() ? Optional.empty() : Optional.ofNullable(termination);
    }

    boolean killedByProbe() {
        return killedByProbe;
    }

    boolean restartPending() {
        return restartPending;
    }

    /** Whether a start that failed for its configuration (or a missing jar) may be tried again. */
    boolean retryDue(Instant now) {
        return !now.isBefore(retryAt);
    }

    Instant retryAt() {
        return retryAt;
    }

    /** Records why the container cannot start yet; the next attempt is at {@code retryAt}. */
    void cannotStart(String reason, String message, Instant retryAt) {
        this.waiting = new ContainerStateWaiting(message, reason);
        this.retryAt = retryAt;
    }

    /** Records a waiting reason that involves no retry (the pod is still initialising, say). */
    void waitingFor(String reason) {
        if (!running() && !restartPending && termination == null) {
            this.waiting = new ContainerStateWaiting(null, reason);
        }
    }

    /** Records that a process now runs the container. */
    void started(ContainerProcess newProcess, String imageId, Instant now) {
        if (runs > 0 || termination != null) {
            restartCount++;
            previousTermination = termination;
        }
        runs++;
        this.process = newProcess;
        this.imageId = imageId;
        this.termination = null;
        this.waiting = null;
        this.restartPending = false;
        this.killedByProbe = false;
        this.sigtermAt = null;
        this.sigkillAt = null;
        this.sigtermSent = false;
        probes.clear();
        if (spec.getStartupProbe() != null) {
            probes.add(new ProbeSchedule(ProbeKind.STARTUP, spec.getStartupProbe(), now));
        }
        if (spec.getLivenessProbe() != null) {
            probes.add(new ProbeSchedule(ProbeKind.LIVENESS, spec.getLivenessProbe(), now));
        }
        if (spec.getReadinessProbe() != null) {
            probes.add(new ProbeSchedule(ProbeKind.READINESS, spec.getReadinessProbe(), now));
        }
        this.started = spec.getStartupProbe() == null;
        this.ready = started && spec.getReadinessProbe() == null;
    }

    /**
     * Notices that the process has exited and records its termination.
     *
     * @return whether it exited since the last call
     */
    boolean reap(Instant now) {
        if (process == null || process.alive() || termination != null) {
            return false;
        }
        int exitCode = process.exitCode().orElse(-1);
        termination = new ContainerStateTerminatedBuilder()
                .withExitCode(exitCode)
                .withReason(exitCode == 0 ? "Completed" : "Error")
                .withStartedAt(PodStatusAssembler.timestamp(process.startedAt()))
                .withFinishedAt(PodStatusAssembler.timestamp(now))
                .withContainerID(CONTAINER_ID_SCHEME + process.pid())
                .withMessage(process.terminationMessage(spec).orElse(null))
                .build();
        process.forget();
        started = false;
        ready = false;
        probes.clear();
        return true;
    }

    /**
     * Decides to start the container again after its back-off.
     *
     * @return how long it waits
     */
    Duration scheduleRestart(RestartBackoff backoff, Instant now, String podDescription) {
        Instant startedAt = Instant.parse(termination.getStartedAt());
        Instant finishedAt = Instant.parse(termination.getFinishedAt());
        Duration wait = backoff.nextWait(lastWait, Duration.between(startedAt, finishedAt));
        lastWait = wait;
        restartAt = now.plus(wait);
        restartPending = true;
        waiting = wait.isZero()
                ? null
                : new ContainerStateWaiting(
                        "back-off " + wait.toSeconds() + "s restarting failed container=" + name() + " pod="
                                + podDescription,
                        "CrashLoopBackOff");
        return wait;
    }

    boolean restartDue(Instant now) {
        return restartPending && !now.isBefore(restartAt);
    }

    Instant restartAt() {
        return restartAt;
    }

    /**
     * Runs the probes that are due.
     *
     * @return the probe whose failure requires a restart (liveness, or a startup probe out of attempts)
     */
    Optional<ProbeKind> probe(Prober prober, String podIp, Instant now, ProbeEvents events) {
        if (!running()) {
            return Optional.empty();
        }
        for (ProbeSchedule schedule : probes) {
            boolean gated = schedule.kind() != ProbeKind.STARTUP && !started;
            if (gated || !schedule.due(now) || (schedule.kind() == ProbeKind.STARTUP && started)) {
                continue;
            }
            ProbeResult result = prober.run(schedule.probe(), spec, podIp, schedule.timeout());
            schedule.record(result, now);
            if (!result.success()) {
                events.unhealthy(this, schedule.kind(), result.detail());
            }
            switch (schedule.kind()) {
                case STARTUP -> {
                    if (schedule.passing()) {
                        started = true;
                        ready = spec.getReadinessProbe() == null;
                    } else if (schedule.failedOut()) {
                        return Optional.of(ProbeKind.STARTUP);
                    }
                }
                case LIVENESS -> {
                    if (!schedule.passing()) {
                        return Optional.of(ProbeKind.LIVENESS);
                    }
                }
                case READINESS -> ready = schedule.passing();
            }
        }
        return Optional.empty();
    }

    /** When the next probe is due, if the container runs and has probes. */
    Optional<Instant> nextProbe() {
        if (!running()) {
            return Optional.empty();
        }
        return probes.stream().map(ProbeSchedule::nextRun).min(Instant::compareTo);
    }

    /**
     * Starts stopping the process: after a {@code preStop} sleep (if any) SIGTERM, and SIGKILL when the grace
     * period is over.
     */
    void stop(Duration gracePeriod, Duration preStopSleep, Instant now, boolean becauseOfProbe) {
        if (!running() || sigkillAt != null) {
            return;
        }
        killedByProbe = becauseOfProbe;
        ready = false;
        sigtermAt = now.plus(preStopSleep.compareTo(gracePeriod) < 0 ? preStopSleep : gracePeriod);
        sigkillAt = now.plus(gracePeriod);
        enforceStop(now);
    }

    /** Sends the signals that are due. */
    void enforceStop(Instant now) {
        if (!running() || sigkillAt == null) {
            return;
        }
        if (!sigtermSent && !now.isBefore(sigtermAt)) {
            process.terminate();
            sigtermSent = true;
        }
        if (!now.isBefore(sigkillAt)) {
            process.kill();
        }
    }

    /** When the next signal is due while stopping. */
    Optional<Instant> nextSignal() {
        if (!running() || sigkillAt == null) {
            return Optional.empty();
        }
        return Optional.of(sigtermSent ? sigkillAt : sigtermAt);
    }

    /** Kills the process at once (the node agent is going away without a grace period). */
    void killNow() {
        if (running()) {
            process.kill();
        }
    }

    /**
     * Records a run the node lost track of (a previous node agent was running it), as a kubelet records
     * containers it cannot find: terminated with 137 and reason {@code ContainerStatusUnknown}.
     */
    void lost(ContainerStatus reported, Instant now) {
        restartCount = reported.getRestartCount() == null ? 0 : reported.getRestartCount();
        runs = 1;
        String startedAt = reported.getState().getRunning().getStartedAt();
        termination = new ContainerStateTerminatedBuilder()
                .withExitCode(137)
                .withReason("ContainerStatusUnknown")
                .withMessage("The container could not be located when the node agent restarted")
                .withStartedAt(startedAt != null ? startedAt : PodStatusAssembler.timestamp(now))
                .withFinishedAt(PodStatusAssembler.timestamp(now))
                .withContainerID(reported.getContainerID())
                .build();
        waiting = null;
    }

    /** Carries over what an earlier node agent reported of a container it had stopped. */
    void resume(ContainerStatus reported) {
        restartCount = reported.getRestartCount() == null ? 0 : reported.getRestartCount();
        if (reported.getState() != null && reported.getState().getTerminated() != null) {
            runs = 1;
            termination = reported.getState().getTerminated();
            waiting = null;
        } else if (reported.getLastState() != null && reported.getLastState().getTerminated() != null) {
            runs = 1;
            termination = reported.getLastState().getTerminated();
        }
    }

    /** The container's status as the pod's status shows it. */
    ContainerStatus status() {
        ContainerState state;
        ContainerState lastState = previousTermination == null
                ? new ContainerState()
                : new ContainerStateBuilder()
                        .withTerminated(previousTermination)
                        .build();
        String containerId = null;
        if (running()) {
            state = new ContainerStateBuilder()
                    .withNewRunning(PodStatusAssembler.timestamp(process.startedAt()))
                    .build();
            containerId = CONTAINER_ID_SCHEME + process.pid();
        } else if (restartPending || (waiting != null && termination != null)) {
            state = new ContainerStateBuilder()
                    .withWaiting(waiting != null ? waiting : new ContainerStateWaiting(null, "ContainerCreating"))
                    .build();
            lastState = new ContainerStateBuilder().withTerminated(termination).build();
        } else if (termination != null) {
            state = new ContainerStateBuilder().withTerminated(termination).build();
            containerId = termination.getContainerID();
        } else {
            state = new ContainerStateBuilder().withWaiting(waiting).build();
        }
        return new ContainerStatusBuilder()
                .withName(name())
                .withImage(spec.getImage())
                .withImageID(imageId)
                .withContainerID(containerId)
                .withRestartCount(restartCount)
                .withStarted(running() && started)
                .withReady(running() && ready)
                .withState(state)
                .withLastState(lastState)
                .build();
    }

    /** Receives probe failures, to be reported as a kubelet reports them. */
    interface ProbeEvents {
        void unhealthy(ContainerRun container, ProbeKind kind, String detail);
    }
}
