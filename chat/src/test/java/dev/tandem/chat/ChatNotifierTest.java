/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatNotifierTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
    private volatile int status = 200;
    // Slack and Telegram cannot be reached from here: a local HTTP server takes their place and answers as they do.
    private HttpServer chat;

    @BeforeEach
    void startChat() throws IOException {
        chat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        chat.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] reply = (status == 200 ? "ok" : "invalid_token").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        chat.start();
    }

    @AfterEach
    void stopChat() {
        chat.stop(0);
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + chat.getAddress().getPort() + "/hook");
    }

    @Test
    void bodiesFollowSlackAndTelegramFormats() {
        assertThat(new ChatNotifier(http, hook(), ChatNotifier.Format.SLACK, null).body("hi \"there\""))
                .isEqualTo("{\"text\":\"hi \\\"there\\\"\"}");
        assertThat(new ChatNotifier(http, hook(), ChatNotifier.Format.TELEGRAM, "-100123").body("hi"))
                .contains("\"chat_id\":\"-100123\"")
                .contains("\"text\":\"hi\"");
        assertThatThrownBy(() -> new ChatNotifier(http, hook(), ChatNotifier.Format.TELEGRAM, " "))
                .hasMessageContaining("chat id");
    }

    @Test
    void aMessageIsPostedAsJson() throws Exception {
        new ChatNotifier(http, hook(), ChatNotifier.Format.SLACK, null).send("promoted");

        assertThat(bodies.poll()).isEqualTo("{\"text\":\"promoted\"}");
    }

    @Test
    void aRefusalIsAnErrorWithTheReply() {
        status = 403;

        assertThatThrownBy(() -> new ChatNotifier(http, hook(), ChatNotifier.Format.SLACK, null).send("promoted"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("invalid_token");
    }
}
