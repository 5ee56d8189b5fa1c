package com.toaide.ai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A model API on localhost that answers each request with the next scripted reply: a
 * recorded event stream replayed byte for byte, or a refusal with a status. It records
 * every request it received. A reply may hold its connection open after its bytes (a
 * stalled model) until {@link #release()}.
 */
public final class FakeModelServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    /** Counted down when a held connection was found closed by the client. */
    final CountDownLatch clientHungUp = new CountDownLatch(1);

    record Received(String method, String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Reply(int status, String contentType, byte[] body, int chunkSize, boolean hold) {}

    public FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The ANTHROPIC_* variables that point the app at this fake, with {@code more} names and values after them. */
    public Map<String, String> environment(String... more) {
        var env = new HashMap<String, String>();
        env.put("ANTHROPIC_API_KEY", "test-key");
        env.put("ANTHROPIC_BASE_URL", baseUrl().toString());
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return Map.copyOf(env);
    }

    /** Replies with a transcript from test resources, written in one go. */
    public FakeModelServer stream(String transcript) {
        return enqueue(new Reply(200, "text/event-stream", Transcripts.bytes(transcript), Integer.MAX_VALUE, false));
    }

    /** Replies with a transcript written in pieces of {@code chunkSize} bytes, flushed one by one. */
    FakeModelServer streamInPieces(String transcript, int chunkSize) {
        return enqueue(new Reply(200, "text/event-stream", Transcripts.bytes(transcript), chunkSize, false));
    }

    /** Replies with a transcript, then keeps the connection open, sending nothing, until released. */
    FakeModelServer streamThenHold(String transcript) {
        return enqueue(new Reply(200, "text/event-stream", Transcripts.bytes(transcript), Integer.MAX_VALUE, true));
    }

    /** Replies with an event stream given as text (a scripted answer), written in one go. */
    FakeModelServer streamText(String events) {
        return enqueue(new Reply(200, "text/event-stream", events.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE, false));
    }

    FakeModelServer refuse(int status, String errorType) {
        String body = "{\"type\":\"error\",\"error\":{\"type\":\"" + errorType + "\",\"message\":\"refused by the fake\"}}";
        return enqueue(new Reply(status, "application/json", body.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE, false));
    }

    private synchronized FakeModelServer enqueue(Reply reply) {
        replies.add(reply);
        return this;
    }

    private synchronized Reply next() {
        return replies.poll();
    }

    List<Received> requests() {
        return List.copyOf(received);
    }

    /** Lets held connections go: after the release they write pings until the client's end is found closed. */
    void release() {
        released.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
        Reply reply = next();
        if (reply == null) {
            reply = new Reply(500, "application/json", "{\"error\":{\"type\":\"api_error\"}}".getBytes(StandardCharsets.UTF_8),
                    Integer.MAX_VALUE, false);
        }
        exchange.getResponseHeaders().add("content-type", reply.contentType);
        boolean streaming = reply.status == 200;
        exchange.sendResponseHeaders(reply.status, streaming ? 0 : reply.body.length);
        OutputStream out = exchange.getResponseBody();
        try {
            for (int at = 0; at < reply.body.length; at += reply.chunkSize) {
                out.write(reply.body, at, Math.min(reply.chunkSize, reply.body.length - at));
                out.flush();
            }
            if (reply.hold) {
                holdUntilReleased(out);
            }
        } finally {
            exchange.close();
        }
    }

    private void holdUntilReleased(OutputStream out) {
        try {
            if (!released.await(10, TimeUnit.SECONDS)) {
                return;
            }
            byte[] ping = "event: ping\ndata: {\"type\": \"ping\"}\n\n".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 100_000; i++) {
                out.write(ping);
                out.flush();
            }
        } catch (IOException e) {
            clientHungUp.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
