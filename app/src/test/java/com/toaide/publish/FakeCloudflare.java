package com.toaide.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.toaide.kernel.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Cloudflare's purge API, in its wire format: {@code POST
 * /client/v4/zones/{zone_id}/purge_cache} with {@code Authorization: Bearer <token>} and
 * {@code {"files": [...]}}, answered with the v4 envelope ({@code success}, {@code errors},
 * {@code messages}, {@code result: {"id": ...}}). It records every purge request it receives.
 */
final class FakeCloudflare implements AutoCloseable {
    static final String ZONE = "023e105f4ecef8ad9ca31a8372d0c353";
    static final String TOKEN = "cf_test_purge_token";

    /** One purge request: the URLs it named and whether it was answered with success. */
    record Purge(List<String> files, boolean succeeded) {}

    private final HttpServer server;
    private final List<Purge> purges = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    private FakeCloudflare(HttpServer server) {
        this.server = server;
    }

    static FakeCloudflare start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var fake = new FakeCloudflare(server);
            server.createContext("/client/v4/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CLOUDFLARE_* variables that point the app at this fake. */
    Map<String, String> environment() {
        return Map.of("CLOUDFLARE_ZONE_ID", ZONE, "CLOUDFLARE_API_TOKEN", TOKEN,
                "CLOUDFLARE_API_BASE", "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4");
    }

    /** The next {@code count} purge requests fail with Cloudflare's 500 envelope. */
    void failNext(int count) {
        failures.set(count);
    }

    List<Purge> purges() {
        return List.copyOf(purges);
    }

    /** Every URL a successful purge named. */
    List<String> purgedUrls() {
        var urls = new ArrayList<String>();
        purges.stream().filter(Purge::succeeded).forEach(p -> urls.addAll(p.files()));
        return urls;
    }

    /** How many purge requests named {@code url}, successful or not. */
    long attemptsFor(String url) {
        return purges.stream().filter(p -> p.files().contains(url)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("POST") || !path.equals("/client/v4/zones/" + ZONE + "/purge_cache")) {
                respond(exchange, 404, failure(7003, "Could not route to " + path + ", perhaps your object identifier is invalid?"));
                return;
            }
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 403, failure(10000, "Authentication error"));
                return;
            }
            var body = Json.MAPPER.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var files = new ArrayList<String>();
            body.path("files").forEach(file -> files.add(file.asString()));
            if (files.isEmpty() || files.size() > 30) {
                purges.add(new Purge(files, false));
                respond(exchange, 400, failure(1015, "Purge requests must name between 1 and 30 files"));
                return;
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                purges.add(new Purge(files, false));
                respond(exchange, 500, failure(10013, "An unknown error has occurred"));
                return;
            }
            purges.add(new Purge(files, true));
            respond(exchange, 200, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\""
                    + UUID.randomUUID().toString().replace("-", "") + "\"}}");
        }
    }

    private static String failure(int code, String message) {
        return "{\"success\":false,\"errors\":[{\"code\":" + code + ",\"message\":\"" + message + "\"}],\"messages\":[],\"result\":null}";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
