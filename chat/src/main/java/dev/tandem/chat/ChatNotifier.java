/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Posts a message to a chat webhook: a Slack-compatible incoming webhook ({@code {"text": …}}, also accepted by
 * Mattermost, Rocket.Chat and Teams' Slack connector) or the Telegram Bot API's {@code sendMessage}
 * ({@code {"chat_id": …, "text": …}} to {@code https://api.telegram.org/bot<token>/sendMessage}).
 */
public final class ChatNotifier {

    /** Which body the webhook expects. */
    public enum Format {
        SLACK,
        TELEGRAM
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI url;
    private final Format format;
    private final String telegramChatId;

    public ChatNotifier(HttpClient http, URI url, Format format, String telegramChatId) {
        if (format == Format.TELEGRAM && (telegramChatId == null || telegramChatId.isBlank())) {
            throw new IllegalArgumentException("Telegram notifications need a chat id");
        }
        this.http = http;
        this.url = url;
        this.format = format;
        this.telegramChatId = telegramChatId;
    }

    /** The JSON body for a message in this notifier's format. */
    String body(String text) {
        Map<String, String> body =
                format == Format.SLACK ? Map.of("text", text) : Map.of("chat_id", telegramChatId, "text", text);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /** Sends the message; a refusal or an unreachable webhook is an IOException with the reply. */
    public void send(String text) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(text)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while notifying " + url.getHost(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("chat webhook at " + url.getHost() + " answered HTTP " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
