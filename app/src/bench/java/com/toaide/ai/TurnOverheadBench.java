package com.toaide.ai;

import com.sun.net.httpserver.HttpServer;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's own share of a change's latency (docs/ai.md): from the moment the model server
 * has written a tool call's last byte ({@code content_block_stop}) to the moment a browser tab's
 * WebSocket holds the resulting patch frame. Covers SSE parsing, mapping, the kernel, the
 * transaction (log rows, snapshot, NOTIFY), the LISTEN round trip, rendering and the frame.
 * The fake model writes one block, waits for its frame, then writes the next, so calls never overlap.
 *
 * <pre>./mvnw -Pbench -DskipTests test-compile
 * ./mvnw -Pbench dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) com.toaide.ai.TurnOverheadBench 60</pre>
 */
public final class TurnOverheadBench {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        BlockingQueue<long[]> arrivals = new LinkedBlockingQueue<>();
        List<Long> overheads = Collections.synchronizedList(new ArrayList<>());
        String first = new String(Transcripts.bytes("first_turn.sse"), StandardCharsets.UTF_8);
        String update = new String(Transcripts.bytes("update_turn.sse"), StandardCharsets.UTF_8);
        int[] served = {0};

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String transcript = served[0]++ == 0 ? first : update;
            boolean measure = served[0] > 1;
            exchange.getResponseHeaders().add("content-type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String event : transcript.split("\n\n")) {
                    if (event.isBlank()) {
                        continue;
                    }
                    out.write((event + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (measure && event.contains("\"content_block_stop\"") && !isVoiceBlockStop(transcript, event)) {
                        long wrote = System.nanoTime();
                        long[] arrival = arrivals.poll(5, TimeUnit.SECONDS);
                        if (arrival != null) {
                            overheads.add(arrival[0] - wrote);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();

        try (var app = TestApp.start(TestPostgres.freshDatabase(), Map.of("ANTHROPIC_API_KEY", "bench",
                "ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort()))) {
            var user = app.newUser();
            UUID aide = UUID.fromString(JSON.readTree(app.postJson("/aides", "{}", user).body()).get("id").asString());
            BlockingQueue<JsonNode> ends = new LinkedBlockingQueue<>();
            HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Origin", app.origin()).header("Cookie", user.cookie())
                    .buildAsync(URI.create("ws://localhost:" + app.app.port() + "/aides/" + aide + "/live"), new WebSocket.Listener() {
                        final StringBuilder partial = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                long now = System.nanoTime();
                                JsonNode frame = JSON.readTree(partial.toString());
                                partial.setLength(0);
                                String type = frame.path("type").asString();
                                if (type.equals("patch") || type.equals("page")) {
                                    arrivals.add(new long[] {now});
                                } else if (type.equals("turn.end")) {
                                    ends.add(frame);
                                }
                            }
                            socket.request(1);
                            return null;
                        }
                    }).join();
            for (int i = 0; i <= turns; i++) {
                arrivals.clear();
                String message = i == 0 ? "Thursday poker league, 10 players" : "Mike's out this week, Dave's hosting";
                var response = app.postJson("/aides/" + aide + "/turns", JSON.createObjectNode().put("message", message).toString(), user);
                if (response.statusCode() != 202 || ends.poll(30, TimeUnit.SECONDS) == null) {
                    throw new IllegalStateException("turn " + i + " did not finish: " + response.body());
                }
                if (i == 0) {
                    // The weekly limit would stop the bench: it measures the pipeline, not the plan.
                    try (var db = com.toaide.platform.db.Database.connect(app.database, 1)) {
                        TestPostgres.asOperator(db, "update users set turn_count = 0");
                    }
                }
                if (i % 40 == 39) {
                    try (var db = com.toaide.platform.db.Database.connect(app.database, 1)) {
                        TestPostgres.asOperator(db, "update users set turn_count = 0");
                        db.asSystem(h -> h.createUpdate("update turns set started_at = started_at - interval '2 hours'").execute());
                    }
                }
            }
        } finally {
            server.stop(0);
        }
        List<Long> sorted = new ArrayList<>(overheads);
        Collections.sort(sorted);
        int warm = Math.min(sorted.size() / 5, 30);
        List<Long> measured = new ArrayList<>(overheads.subList(warm, overheads.size()));
        Collections.sort(measured);
        System.out.printf("tool calls measured: %d (first %d dropped as warm-up)%n", measured.size(), warm);
        System.out.printf("median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                ms(measured, 0.5), ms(measured, 0.9), ms(measured, 0.99), ms(measured, 1.0));
    }

    private static boolean isVoiceBlockStop(String transcript, String stopEvent) {
        JsonNode stop = JSON.readTree(stopEvent.substring(stopEvent.indexOf("data: ") + 6));
        String marker = "\"index\":" + stop.path("index").asInt() + ",\"content_block\":{\"type\":\"tool_use\"";
        int at = transcript.indexOf(marker);
        return at >= 0 && transcript.startsWith("\"name\":\"voice\"", transcript.indexOf("\"name\"", at));
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
