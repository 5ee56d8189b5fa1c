package com.toaide.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A browser tab's live channel, as a test sees it: frames arrive in a queue. */
public final class LiveSocket implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private final WebSocket socket;

    private LiveSocket(URI uri, String origin, String cookie) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Opens {@code /aides/{id}/live} on {@code app}; throws when the upgrade is refused. */
    public static LiveSocket open(TestApp app, String path, String origin, String cookie) {
        return new LiveSocket(URI.create("ws://localhost:" + app.app.port() + path), origin, cookie);
    }

    /** The next frame, waiting up to 10 s. */
    public JsonNode next() {
        try {
            JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame arrived within 10 s");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next frame of the given type, skipping others. */
    public JsonNode next(String type) {
        return next(frame -> type.equals(frame.get("type").asString()));
    }

    /** The next frame that is {@code wanted}, skipping others. */
    public JsonNode next(Predicate<JsonNode> wanted) {
        while (true) {
            JsonNode frame = next();
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith.complete(statusCode);
            return null;
        }
    }
}
