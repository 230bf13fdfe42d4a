/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open-loop HTTP load generator for TF Serving's predict API, run as its own process beside the server:
 * requests leave at a constant offered rate whatever the server does, and each latency is measured from the
 * moment its request was due (not when it was sent), so a server that stalls cannot hide its queueing delay
 * (coordinated omission). Each request carries a user's recent items ({@code --watched}, distinct random ids)
 * and asks for {@code --k} recommendations.
 *
 * <p>Steps: {@code --rates 100,300,500} offers each rate for {@code --seconds} after {@code --warmup} seconds
 * and prints p50/p90/p99/p99.9/max per rate, after {@code --initial-warmup} seconds (30) of load that let the
 * server's JIT compile the request path. With {@code --swap-bundles a,b --swaps 10} it offers the first
 * rate while loading the bundles alternately through the admin API, and reports failed requests, the versions
 * that answered, and p99 during swaps beside p99 in steady state.
 *
 * <pre>
 * java benchmarks/serving/LoadGenerator.java --server http://127.0.0.1:18501 --model m --items 1000000 \
 *     --rates 100,200,300,500,700 --seconds 20
 * </pre>
 */
public final class LoadGenerator {

    private static final Pattern VERSION = Pattern.compile("\"model_version\"\\s*:\\s*(\\d+)");

    record Outcome(long dueNanos, long latencyNanos, int status, long version) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI server = URI.create(options.getOrDefault("server", "http://127.0.0.1:18501"));
        String model = required(options, "model");
        int items = Integer.parseInt(required(options, "items"));
        int watched = Integer.parseInt(options.getOrDefault("watched", "50"));
        int k = Integer.parseInt(options.getOrDefault("k", "10"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int maxInFlight = Integer.parseInt(options.getOrDefault("max-in-flight", "512"));
        // The server's JIT compiles the request path during the first tens of seconds; a first step measured
        // before that reports the compiler, not the server.
        int initialWarmup = Integer.parseInt(options.getOrDefault("initial-warmup", "30"));
        List<Integer> rates = Arrays.stream(options.getOrDefault("rates", "100,200,300,500").split(","))
                .map(Integer::parseInt)
                .toList();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI predict = server.resolve("/v1/models/" + model + ":predict");
        Bodies bodies = new Bodies(items, watched, k, 20_000, 7);

        offer(http, predict, bodies, Math.min(300, rates.getFirst() * 3), initialWarmup, maxInFlight);
        if (options.containsKey("swap-bundles")) {
            swapUnderLoad(http, server, model, predict, bodies, rates.getFirst(), options, maxInFlight);
            return;
        }
        System.out.printf(
                "open-loop load on %s: %d watched items per request, k=%d, %d s per rate after %d s warm-up%n",
                predict, watched, k, seconds, warmup);
        System.out.printf(
                "%8s %9s %8s %8s %8s %8s %8s %8s %7s%n",
                "offered", "achieved", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "errors", "late");
        for (int rate : rates) {
            offer(http, predict, bodies, rate, warmup, maxInFlight);
            Run run = offer(http, predict, bodies, rate, seconds, maxInFlight);
            long[] latencies = run.latencies(o -> true);
            System.out.printf(
                    "%8d %9.1f %8.2f %8.2f %8.2f %8.2f %8.2f %8d %7d%n",
                    rate,
                    run.outcomes.size() / run.seconds,
                    ms(percentile(latencies, 0.50)),
                    ms(percentile(latencies, 0.90)),
                    ms(percentile(latencies, 0.99)),
                    ms(percentile(latencies, 0.999)),
                    ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]),
                    run.errors(),
                    run.late.get());
        }
    }

    private static void swapUnderLoad(
            HttpClient http,
            URI server,
            String model,
            URI predict,
            Bodies bodies,
            int rate,
            Map<String, String> options,
            int maxInFlight)
            throws Exception {
        List<String> bundles = List.of(options.get("swap-bundles").split(","));
        List<String> indexes =
                options.containsKey("swap-indexes") ? List.of(options.get("swap-indexes").split(",")) : List.of();
        int swaps = Integer.parseInt(options.getOrDefault("swaps", "10"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        List<long[]> windows = new ArrayList<>();
        List<String> swapLog = new ArrayList<>();
        URI admin = server.resolve("/tandem/v1/models/" + model + "/versions");
        Runnable swapper = () -> {
            for (int s = 0; s < swaps; s++) {
                int which = (s + 1) % bundles.size();
                String body = "{\"bundle\": \"" + bundles.get(which) + "\""
                        + (indexes.isEmpty() ? "" : ", \"index\": \"" + indexes.get(which) + "\"") + "}";
                long start = System.nanoTime();
                try {
                    HttpResponse<String> reply = http.send(
                            HttpRequest.newBuilder(admin)
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofMinutes(10))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    long end = System.nanoTime();
                    synchronized (windows) {
                        windows.add(new long[] {start, end});
                        swapLog.add(String.format(
                                "swap %2d to %s: HTTP %d in %.1f s %s",
                                s + 1, bundles.get(which), reply.statusCode(), (end - start) / 1e9, reply.body()));
                    }
                } catch (IOException | InterruptedException e) {
                    swapLog.add("swap " + (s + 1) + " failed: " + e);
                }
            }
        };
        offer(http, predict, bodies, rate, 5, maxInFlight);
        Thread swapping = Thread.ofPlatform().name("swapper").start(swapper);
        Run run = offer(http, predict, bodies, rate, seconds, maxInFlight);
        // Keep offering load until the last swap has finished, then a little longer as steady state.
        List<Run> more = new ArrayList<>();
        more.add(run);
        while (swapping.isAlive()) {
            more.add(offer(http, predict, bodies, rate, 5, maxInFlight));
        }
        more.add(offer(http, predict, bodies, rate, seconds, maxInFlight));
        swapLog.forEach(System.out::println);
        List<Outcome> all = new ArrayList<>();
        double totalSeconds = 0;
        long late = 0;
        for (Run r : more) {
            all.addAll(r.outcomes);
            totalSeconds += r.seconds;
            late += r.late.get();
        }
        Run merged = new Run(new ConcurrentLinkedQueue<>(all), totalSeconds, new AtomicLong(late));
        long[] during = merged.latencies(o -> inAny(o.dueNanos, windows));
        long[] steady = merged.latencies(o -> !inAny(o.dueNanos, windows));
        Map<Long, Long> versions = new HashMap<>();
        for (Outcome o : all) {
            versions.merge(o.version, 1L, Long::sum);
        }
        System.out.printf(
                "swap under load at %d req/s: %d requests, %d failed, %d swaps, answered by versions %s%n",
                rate, all.size(), merged.errors(), windows.size(), versions);
        System.out.printf("%-14s %9s %8s %8s %8s %8s%n", "", "requests", "p50 ms", "p99 ms", "p99.9 ms", "max ms");
        print("during swaps", during);
        print("steady state", steady);
    }

    private static void print(String label, long[] latencies) {
        System.out.printf(
                "%-14s %9d %8.2f %8.2f %8.2f %8.2f%n",
                label,
                latencies.length,
                ms(percentile(latencies, 0.50)),
                ms(percentile(latencies, 0.99)),
                ms(percentile(latencies, 0.999)),
                ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]));
    }

    private static boolean inAny(long t, List<long[]> windows) {
        synchronized (windows) {
            for (long[] w : windows) {
                if (t >= w[0] && t <= w[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The outcomes of one constant-rate step. */
    record Run(ConcurrentLinkedQueue<Outcome> outcomes, double seconds, AtomicLong late) {

        long errors() {
            return outcomes.stream().filter(o -> o.status != 200).count();
        }

        long[] latencies(java.util.function.Predicate<Outcome> which) {
            long[] out = outcomes.stream()
                    .filter(which)
                    .mapToLong(Outcome::latencyNanos)
                    .toArray();
            Arrays.sort(out);
            return out;
        }
    }

    private static Run offer(
            HttpClient http, URI predict, Bodies bodies, int rate, int seconds, int maxInFlight)
            throws InterruptedException {
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicLong late = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long count = (long) rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -TimeUnit.MILLISECONDS.toNanos(1)) {
                late.incrementAndGet();
            }
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(predict)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.next()))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((reply, failure) -> {
                long latency = System.nanoTime() - due;
                inFlight.release();
                if (failure != null) {
                    outcomes.add(new Outcome(due, latency, -1, -1));
                    return;
                }
                Matcher m = VERSION.matcher(reply.body());
                outcomes.add(new Outcome(
                        due, latency, reply.statusCode(), m.find() ? Long.parseLong(m.group(1)) : -1));
            });
        }
        inFlight.acquire(maxInFlight);
        inFlight.release(maxInFlight);
        return new Run(outcomes, (System.nanoTime() - start) / 1e9, late);
    }

    /** Pre-built request bodies, so building JSON does not limit the offered rate. */
    static final class Bodies {
        private final String[] bodies;
        private final AtomicLong next = new AtomicLong();

        Bodies(int items, int watched, int k, int count, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            bodies = new String[count];
            for (int b = 0; b < count; b++) {
                StringBuilder body = new StringBuilder("{\"instances\": [{\"history\": [");
                long[] ids = random.longs(0, 1, items + 1L).distinct().limit(watched).toArray();
                for (int i = 0; i < ids.length; i++) {
                    body.append(i == 0 ? "" : ",").append(ids[i]);
                }
                body.append("], \"k\": ").append(k).append("}]}");
                bodies[b] = body.toString();
            }
        }

        String next() {
            return bodies[(int) (next.getAndIncrement() % bodies.length)];
        }
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs; got " + args[i]);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
