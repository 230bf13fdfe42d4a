/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutPhase;
import dev.tandem.operator.it.OperatorProcess;
import dev.tandem.operator.it.PairObjects;
import dev.tandem.testing.LocalPlatformExtension;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.TestNamespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scale check: {@value #ROLLOUTS} Rollouts created at once, each with a pair of its own, reach Ready on the
 * simulated nodes. It prints the time that took and what it cost the operator (CPU time, heap); the figures go into the
 * README. The bound asserted is generous: it catches an operator that stalls, not one that is a little slower.
 */
@LocalPlatformTest
class RolloutScaleIT {

    static final int ROLLOUTS = 100;
    private static final Duration BOUND = Duration.ofMinutes(10);
    private static final Pattern HEAP =
            Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)$", Pattern.MULTILINE);

    private static OperatorProcess operator;

    @BeforeAll
    static void startOperator() {
        operator = OperatorProcess.start(LocalPlatformExtension.platform(), Map.of());
    }

    @AfterAll
    static void stopOperator() {
        if (operator != null) {
            operator.close();
        }
    }

    @Test
    void hundredRolloutsCreatedAtOnceAllBecomeReady(KubernetesClient client, TestNamespace ns) throws Exception {
        for (int i = 0; i < ROLLOUTS; i++) {
            PairObjects.resolvedPair(
                    client, ns.name(), "m" + i, "1", String.format("%016x", i * 7919L), "mlflow-artifacts:/s/" + i);
        }
        List<Rollout> rollouts = java.util.stream.IntStream.range(0, ROLLOUTS)
                .mapToObj(i -> PairObjects.rollout(ns.name(), "m" + i, 1))
                .toList();
        Duration cpuBefore = cpu();
        double heapPeak = 0;

        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Rollout rollout : rollouts) {
                pool.submit(() -> client.resource(rollout).create());
            }
        }
        long created = System.nanoTime();
        int ready = 0;
        while (System.nanoTime() - start < BOUND.toNanos()) {
            ready = (int) client.resources(Rollout.class).inNamespace(ns.name()).list().getItems().stream()
                    .filter(r -> r.getStatus() != null
                            && r.getStatus().getPhase() == RolloutPhase.Healthy
                            && r.getStatus().isTrue("Ready"))
                    .count();
            heapPeak = Math.max(heapPeak, heapBytes());
            if (ready == ROLLOUTS) {
                break;
            }
            Thread.sleep(500);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Duration cpu = cpu().minus(cpuBefore);
        double heapAfter = heapBytes();

        System.out.printf(
                "scale check: %d Rollouts created in %.1f s; all Ready after %.1f s; operator CPU %.1f s"
                        + " (%.0f%% of one core), heap peak %.0f MiB, after %.0f MiB%n",
                ROLLOUTS,
                (created - start) / 1e9,
                seconds,
                cpu.toMillis() / 1e3,
                100.0 * cpu.toMillis() / 1e3 / seconds,
                heapPeak / (1 << 20),
                heapAfter / (1 << 20));
        assertThat(ready)
                .as("Rollouts Ready within %s; operator log:%n%s", BOUND, tail(operator.log()))
                .isEqualTo(ROLLOUTS);
        assertThat(client.pods().inNamespace(ns.name()).list().getItems()).hasSize(ROLLOUTS);
    }

    private static Duration cpu() {
        return operator.handle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double heapBytes() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(
                            HttpRequest.newBuilder(operator.metrics()).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            double sum = 0;
            Matcher m = HEAP.matcher(body);
            while (m.find()) {
                sum += Double.parseDouble(m.group(1));
            }
            return sum;
        }
    }

    private static String tail(String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }
}
