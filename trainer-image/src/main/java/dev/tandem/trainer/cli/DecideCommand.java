/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.cli;

import dev.tandem.chat.ChatNotifier;
import dev.tandem.trainer.dataset.Dataset;
import dev.tandem.trainer.decide.Decision;
import dev.tandem.trainer.decide.DecisionPipeline;
import dev.tandem.trainer.decide.DecisionRule;
import dev.tandem.trainer.eval.OfflineEvaluation;
import dev.tandem.trainer.evaluate.EvaluationPipeline;
import dev.tandem.trainer.mlflow.MlflowClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code decide}: candidate against champion (or the popularity baseline); winner → challenger, loser → archived. */
@Command(
        name = "decide",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate the candidate and the champion (alias 'champion', else stage Production) on the same holdout.",
            "The candidate wins when its metric beats the mean of the champion's last N evaluations (this one included)"
                    + " by more than --min-gain; with no champion, when it beats the popularity baseline.",
            "Winner: alias 'challenger' and stage Staging. Loser: stage Archived with the reason as tags. Exit 0 when the"
                    + " candidate won, 5 when it was archived."
        })
final class DecideCommand implements Callable<Integer> {

    static final int REJECTED = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Registered model name")
    String model;

    @Option(names = "--candidate", required = true, description = "Candidate version")
    String candidate;

    @Option(
            names = "--dataset",
            required = true,
            description = "Dataset version directory whose holdout both are evaluated on")
    Path dataset;

    @Option(names = "--mlflow", required = true, description = "MLflow tracking URI")
    URI mlflow;

    @Option(
            names = "--metric",
            defaultValue = "recall@50",
            description =
                    "Metric compared (recall@10, recall@50, recall@100, ndcg@10, hit_rate@10). Default: ${DEFAULT-VALUE}")
    String metric;

    @Option(
            names = "--last-n",
            defaultValue = "3",
            description = "Champion evaluations averaged. Default: ${DEFAULT-VALUE}")
    int lastN;

    @Option(
            names = "--min-gain",
            defaultValue = "0.0",
            description = "Margin the candidate must exceed. Default: ${DEFAULT-VALUE}")
    double minGain;

    @Option(
            names = "--holdout",
            defaultValue = "0.1",
            description = "Share of the time span held out. Default: ${DEFAULT-VALUE}")
    double holdout;

    @Option(
            names = "--notify-url",
            description =
                    "Chat webhook: a Slack-compatible incoming webhook or https://api.telegram.org/bot<token>/sendMessage")
    URI notifyUrl;

    @Option(
            names = "--notify-format",
            defaultValue = "slack",
            description = "slack or telegram. Default: ${DEFAULT-VALUE}")
    ChatNotifier.Format notifyFormat;

    @Option(
            names = "--telegram-chat-id",
            defaultValue = "${env:TANDEM_TELEGRAM_CHAT_ID}",
            description = "Telegram chat id (or TANDEM_TELEGRAM_CHAT_ID)")
    String telegramChatId;

    @Option(names = "--work-dir", description = "Where bundles are downloaded (default: a temporary directory)")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        String key = DecisionRule.metricKey(metric);
        if (!OfflineEvaluation.METRICS.contains(key)) {
            throw new ParameterException(
                    spec.commandLine(), "unknown metric '" + metric + "'; choose one of " + OfflineEvaluation.METRICS);
        }
        HttpClient http = HttpClient.newHttpClient();
        Optional<ChatNotifier> notifier = Optional.empty();
        if (notifyUrl != null) {
            try {
                notifier = Optional.of(new ChatNotifier(http, notifyUrl, notifyFormat, telegramChatId));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        Dataset data = Dataset.open(dataset);
        MlflowClients clients = MlflowClients.connect(mlflow);
        Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("tandem-decide-");
        EvaluationPipeline evaluation = new EvaluationPipeline(
                clients.rest(),
                clients.artifacts(),
                clients.tracking(),
                spec.commandLine().getOut());
        Decision decision = new DecisionPipeline(
                        clients.rest(),
                        clients.tracking(),
                        evaluation,
                        notifier,
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                .decide(model, candidate, data, holdout, new DecisionRule(key, lastN, minGain), key, work);
        return decision.promote() ? 0 : REJECTED;
    }
}
