/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.notify;

import dev.tandem.chat.ChatNotifier;
import dev.tandem.operator.config.OperatorConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Messages to the chat the operator is given ({@code tandem.operator.notifications.url}), sent from a thread of their
 * own so that a slow or unreachable chat never holds a reconcile. At most {@value #BACKLOG} messages wait; more are
 * dropped and counted. A message is sent once: one the chat refuses is logged and counted, not retried, as the
 * Rollout's Events and status keep the record.
 */
@ApplicationScoped
public class ChatNotifications {

    private static final Logger LOG = Logger.getLogger(ChatNotifications.class);
    static final int BACKLOG = 100;

    private final Optional<ChatNotifier> chat;
    private final ThreadPoolExecutor sender;
    private final MeterRegistry registry;

    public ChatNotifications(OperatorConfig config, MeterRegistry registry) {
        this.registry = registry;
        OperatorConfig.Notifications settings = config.notifications();
        this.chat = settings.url()
                .map(url -> new ChatNotifier(
                        HttpClient.newBuilder()
                                .connectTimeout(Duration.ofSeconds(10))
                                .build(),
                        url,
                        settings.format(),
                        settings.telegramChatId().orElse(null)));
        this.sender = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(BACKLOG),
                Thread.ofPlatform().name("chat-notifications").daemon().factory(),
                (message, pool) -> counted("dropped").increment());
        if (chat.isPresent()) {
            // The series exist from the start at zero, so that an alert on failures sees "none yet".
            for (String result : new String[] {"sent", "failed", "dropped"}) {
                counted(result);
            }
        }
    }

    /** Queues the message; returns at once. Nothing happens without a configured chat. */
    public void post(String text) {
        chat.ifPresent(notifier -> sender.execute(() -> send(notifier, text)));
    }

    private void send(ChatNotifier notifier, String text) {
        try {
            notifier.send(text);
            counted("sent").increment();
        } catch (IOException | RuntimeException e) {
            counted("failed").increment();
            LOG.warnf("could not notify the chat: %s", e.getMessage());
        }
    }

    private Counter counted(String result) {
        return Counter.builder("tandem_operator_notifications")
                .description("Chat messages about Rollouts, by result (sent, failed, dropped)")
                .tag("result", result)
                .register(registry);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // Messages already queued go out, within a bound, before the operator exits.
        sender.shutdown();
        sender.awaitTermination(20, TimeUnit.SECONDS);
    }
}
