/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A chat's incoming webhook on this machine: it takes the JSON bodies posted to it and answers 200, as Slack's does.
 * Slack and Telegram cannot be reached from here, so this stands in for them; it listens on 127.0.0.1, which the local
 * node's pods share with the tests.
 */
public final class ChatReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final BlockingQueue<JsonNode> unread = new LinkedBlockingQueue<>();

    private ChatReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on a free port. */
    public static ChatReceiver start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChatReceiver receiver = new ChatReceiver(server);
        server.createContext("/", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            receiver.messages.add(body);
            receiver.unread.add(body);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    /** The webhook URL to give a sender; any path reaches the receiver. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The next body not read by this method yet, waiting for it up to {@code patience}; null when none came. */
    public JsonNode next(Duration patience) throws InterruptedException {
        return unread.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The {@code text} of every Slack-format body received so far, in order. */
    public List<String> texts() {
        return messages.stream().map(m -> m.path("text").asText()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
