/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.metrics;

import dev.tandem.api.crd.v1alpha1.rollout.SwapResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/**
 * The operator's Prometheus metrics: reconciles and their errors per kind, and swaps started, promoted and aborted with
 * their duration.
 */
@ApplicationScoped
public class OperatorMetrics {

    private final MeterRegistry registry;

    public OperatorMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Swap series exist from the start at zero, so that rates and dashboards see "none yet", not "no data".
        swapsStarted();
        for (SwapResult result : SwapResult.values()) {
            swapsEnded(result);
            swapDuration(result);
        }
    }

    /** One reconcile of a resource of this kind ran. */
    public void reconciled(String kind) {
        Counter.builder("tandem_operator_reconciles")
                .description("Reconciles run, by resource kind")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    /** One reconcile of this kind ended in an error (it is retried). */
    public void failed(String kind, String reason) {
        Counter.builder("tandem_operator_reconcile_errors")
                .description("Reconciles that ended in an error, by resource kind and reason")
                .tag("kind", kind)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** A blue/green swap started. */
    public void swapStarted() {
        swapsStarted().increment();
    }

    /** A swap ended. */
    public void swapEnded(SwapResult result, Duration took) {
        swapsEnded(result).increment();
        swapDuration(result).record(took);
    }

    private Counter swapsStarted() {
        return Counter.builder("tandem_operator_swaps_started")
                .description("Blue/green swaps started")
                .register(registry);
    }

    private Counter swapsEnded(SwapResult result) {
        return Counter.builder("tandem_operator_swaps_" + result.name().toLowerCase(Locale.ROOT))
                .description("Blue/green swaps that ended " + result)
                .register(registry);
    }

    private Timer swapDuration(SwapResult result) {
        return Timer.builder("tandem_operator_swap_duration")
                .description("Time from a swap's start to its end")
                .tag("result", result.name())
                .publishPercentileHistogram()
                .register(registry);
    }
}
