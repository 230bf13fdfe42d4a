/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.api.crd.v1alpha1.rollout.AnalysisResult;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutReason;
import dev.tandem.api.crd.v1alpha1.rollout.ServedPair;
import dev.tandem.api.serving.ServingEndpoints;
import dev.tandem.operator.config.OperatorConfig;
import dev.tandem.operator.rollout.SlotObservation.PodView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Analyses a candidate pair on each of its ready preview pods, through the same TF Serving API clients use: smoke
 * predict requests (all must succeed and report the candidate's version; their p99 latency is measured here) and the
 * pod's probe recall (recall@10 of the served search against exact search on the pair's own probe user vectors).
 */
@ApplicationScoped
public class PairAnalysis {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HISTORY = 3;

    private final HttpClient http;
    private final OperatorConfig config;

    public PairAnalysis(HttpClient http, OperatorConfig config) {
        this.http = http;
        this.config = config;
    }

    /** Runs every check on every pod; the worst pod's figures decide. */
    public AnalysisResult analyse(ServedPair pair, List<PodView> pods, AnalysisThresholds thresholds) {
        Verdict verdict = new Verdict(pair.getPair(), thresholds);
        for (PodView pod : pods) {
            verdict.pods++;
            URI base = URI.create("http://" + pod.ip() + ":" + ServingEndpoints.HTTP_PORT + "/");
            JsonNode probe;
            try {
                probe = get(base.resolve(ServingEndpoints.probeRecall(pair.getModelName(), pair.getModelVersion())
                        + "?k=10&queries=" + thresholds.recallQueries()));
            } catch (AnalysisException e) {
                verdict.unreachable(pod, e.getMessage());
                continue;
            }
            verdict.recall(probe.path("recall").asDouble(0));
            List<Long> items = new ArrayList<>();
            probe.path("sampleItemIds").forEach(id -> items.add(id.asLong()));
            smoke(pair, thresholds, base.resolve(ServingEndpoints.predict(pair.getModelName())), items, verdict);
        }
        return verdict.result();
    }

    private void smoke(ServedPair pair, AnalysisThresholds thresholds, URI predict, List<Long> items, Verdict verdict) {
        Random random = new Random(items.size() * 31L + thresholds.smokeQueries());
        double[] millis = new double[thresholds.smokeQueries()];
        int timed = 0;
        for (int i = 0; i < thresholds.smokeQueries(); i++) {
            List<Long> history = new ArrayList<>();
            for (int h = 0; h < HISTORY && !items.isEmpty(); h++) {
                history.add(items.get(random.nextInt(items.size())));
            }
            String body = "{\"instances\": [{\"history\": " + history + ", \"k\": 10}]}";
            long start = System.nanoTime();
            try {
                JsonNode answer = send(HttpRequest.newBuilder(predict)
                        .timeout(config.analysisRequestTimeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
                millis[timed++] = (System.nanoTime() - start) / 1e6;
                String version =
                        answer.path("predictions").path(0).path("model_version").asText("");
                verdict.answered(version, pair.getModelVersion());
            } catch (AnalysisException e) {
                verdict.failed(e.getMessage());
            }
        }
        verdict.latencies(millis, timed);
    }

    private JsonNode get(URI uri) {
        return send(HttpRequest.newBuilder(uri)
                .timeout(config.analysisRequestTimeout())
                .GET()
                .build());
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AnalysisException(request.uri().getHost() + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new AnalysisException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AnalysisException(request.uri().getPath() + " answered no JSON: " + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** One failed call. */
    private static final class AnalysisException extends RuntimeException {
        AnalysisException(String message) {
            super(message, null, false, false);
        }
    }

    /** Collects the figures of all pods and decides. */
    private static final class Verdict {
        private final String pair;
        private final AnalysisThresholds thresholds;
        private int pods;
        private int queries;
        private int failed;
        private int wrongVersion;
        private double worstP99;
        private double worstRecall = 1;
        private String unreachable;
        private String firstFailure;
        private final TreeSet<String> versions = new TreeSet<>();

        Verdict(String pair, AnalysisThresholds thresholds) {
            this.pair = pair;
            this.thresholds = thresholds;
        }

        void unreachable(PodView pod, String why) {
            if (unreachable == null) {
                unreachable = "pod " + pod.name() + " (" + pod.ip() + "): " + why;
            }
        }

        void recall(double recall) {
            worstRecall = Math.min(worstRecall, recall);
        }

        void answered(String version, String expected) {
            queries++;
            versions.add(version);
            if (!version.equals(expected)) {
                wrongVersion++;
            }
        }

        void failed(String why) {
            queries++;
            failed++;
            if (firstFailure == null) {
                firstFailure = why;
            }
        }

        void latencies(double[] millis, int count) {
            if (count == 0) {
                return;
            }
            double[] sorted = Arrays.copyOf(millis, count);
            Arrays.sort(sorted);
            double p99 = sorted[(int) Math.ceil(0.99 * count) - 1];
            worstP99 = Math.max(worstP99, p99);
        }

        AnalysisResult result() {
            AnalysisResult result = new AnalysisResult();
            result.setPair(pair);
            result.setPods(pods);
            result.setSmokeQueries(queries);
            result.setFailedQueries(failed + wrongVersion);
            result.setP99Millis(Math.round(worstP99 * 100) / 100.0);
            result.setRecallAt10(unreachable == null ? worstRecall : null);
            result.setVersionsSeen(List.copyOf(versions));
            String figures = String.format(
                    "recall@10 %.4f (min %.2f), p99 %.1f ms (max %d ms), %d/%d smoke queries answered by the"
                            + " candidate's version on %d pods",
                    worstRecall,
                    thresholds.minRecallAt10(),
                    worstP99,
                    thresholds.maxP99Millis(),
                    queries - failed - wrongVersion,
                    queries,
                    pods);
            if (pods == 0) {
                return fail(result, RolloutReason.PodUnreachable, "no ready preview pod to analyse");
            }
            if (unreachable != null) {
                return fail(result, RolloutReason.PodUnreachable, unreachable);
            }
            if (failed > 0) {
                return fail(
                        result,
                        RolloutReason.SmokeQueriesFailed,
                        failed + " of " + queries + " smoke queries failed, first: " + firstFailure);
            }
            if (wrongVersion > 0) {
                return fail(
                        result,
                        RolloutReason.VersionMismatch,
                        wrongVersion + " of " + queries + " smoke queries were answered by versions " + versions);
            }
            if (worstRecall < thresholds.minRecallAt10()) {
                return fail(result, RolloutReason.RecallTooLow, figures);
            }
            if (worstP99 > thresholds.maxP99Millis()) {
                return fail(result, RolloutReason.LatencyTooHigh, figures);
            }
            result.setPassed(true);
            result.setMessage(figures);
            return result;
        }

        private static AnalysisResult fail(AnalysisResult result, RolloutReason reason, String message) {
            result.setPassed(false);
            result.setReason(reason.name());
            result.setMessage(message);
            return result;
        }
    }
}
