package com.toaide.ops;

import com.toaide.testing.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.auth.SessionGuard;
import com.toaide.auth.SessionService;
import com.toaide.platform.db.Database;
import com.toaide.testing.Eventually;
import com.toaide.testing.JavaProcess;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import com.toaide.testing.TestStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, denial of service: the app runs as production runs it (railway.toml's JVM flags, a
 * 512 MB instance's heap) in a JVM of its own, strangers do what the audit did, and the app must
 * stay up with {@code /health} answering throughout: bodies sent a byte at a time, and an aide
 * built to render as large as the kernel's limits allow.
 */
class DenialOfServiceTest {
    private static final Path LOG = Path.of("target", "denial-of-service.log");
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    private static final String SECRET = "denial-of-service-secret-".repeat(2);
    private static Process app;
    private static int port;
    private static String cookie;

    @BeforeAll
    static void start() throws IOException {
        var database = TestPostgres.freshDatabase();
        var storage = TestStorage.settings();
        port = TestApp.freePort();
        app = JavaProcess.start(JavaProcess.productionFlags(), Map.of(
                "DATABASE_URL", TestPostgres.databaseUrl(database),
                "R2_ENDPOINT", storage.endpoint().toString(),
                "R2_ACCESS_KEY", storage.accessKey(),
                "R2_SECRET_KEY", storage.secretKey(),
                "JWT_SECRET", SECRET,
                "PORT", Integer.toString(port),
                "DATA_DIR", TestFiles.directory("aide-dos").toString()), LOG, "serve", "--no-migrate");
        try (var db = Database.connect(database, 1)) {
            UUID user = db.asSystem(h -> h.createQuery("insert into users (email) values ('bomb@example.com') returning id")
                    .mapTo(UUID.class).one());
            cookie = SessionGuard.COOKIE + "=" + new SessionService(db, SECRET, Clock.systemUTC()).start(user).token();
        }
        Eventually.within(Duration.ofSeconds(90), () -> {
            assertThat(app.isAlive()).as("the app exited; see %s", LOG).isTrue();
            assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        app.destroy();
        app.waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void eighty_connections_trickling_their_bodies_and_forty_their_headers_do_not_stop_health_from_answering() throws Exception {
        var slow = new ArrayList<SlowBody>();
        var slowHeaders = new ArrayList<Socket>();
        try {
            for (int i = 0; i < 40; i++) {
                var socket = new Socket("localhost", port);
                socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: localhost:" + port + "\r\nX-Slow: ")
                        .getBytes(StandardCharsets.US_ASCII));
                slowHeaders.add(socket);
            }
            for (int i = 0; i < 80; i++) {
                var socket = new Socket("localhost", port);
                socket.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: localhost:" + port + "\r\nOrigin: http://localhost:" + port
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nemail=")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(new SlowBody(socket));
            }
            // Trickled until the server has answered or cut every slow body (its deadline), not for a
            // fixed time; bounded, so a server without a deadline fails below instead of hanging.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            var pending = slow.stream().filter(body -> !body.answeredOrCut()).findFirst();
            while (pending.isPresent() && System.nanoTime() < until) {
                for (var body : slow) {
                    trickle(body.socket);
                }
                // Headers are read without a thread (Jetty parses them as bytes arrive): a socket each, no more.
                for (var socket : slowHeaders) {
                    trickle(socket);
                }
                assertThat(get("/health").statusCode()).as("/health while 80 bodies and 40 headers trickle in").isEqualTo(200);
                // Waits for the server to answer or cut a slow body, at most a second: that second
                // is also the attack's pace, a byte a second per socket.
                pending.get().awaitReply(1_000);
                pending = slow.stream().filter(body -> !body.answeredOrCut()).findFirst();
            }
            // By now every trickling request is past its deadline: answered or cut, never still waiting.
            for (var body : slow) {
                trickle(body.socket);
                body.socket.setSoTimeout(10_000);
                assertThat(statusOrEnd(body.replies)).isIn("408", "end");
            }
        } finally {
            for (var body : slow) {
                body.socket.close();
            }
            for (var socket : slowHeaders) {
                socket.close();
            }
        }
        assertThat(app.isAlive()).isTrue();
    }

    @Test
    void an_aide_built_to_render_huge_is_shown_as_too_large_and_the_server_stays_up() throws Exception {
        String aide = JSON.readTree(send("POST", "/aides", "").body()).get("id").asString();
        assertThat(send("POST", "/aides/" + aide + "/events", """
                {"events":[{"t":"entity.create","id":"page","display":"page","p":{"title":"Bomb"}},
                {"t":"entity.create","id":"t","parent":"page","display":"table","p":{"title":"Rows"}}]}""").statusCode())
                .isEqualTo(200);
        // 5,000 rows, each with a key of its own (columns), then long texts of characters that grow
        // when escaped: all within the kernel's limits, built in 30 requests of under 64 KB.
        for (int batch = 0; batch < 10; batch++) {
            var events = new StringJoiner(",", "{\"events\":[", "]}");
            for (int i = batch * 499; i < (batch + 1) * 499; i++) {
                events.add("{\"t\":\"entity.create\",\"id\":\"r" + i + "\",\"parent\":\"t\",\"p\":{\"k" + i + "\":\"<\"}}");
            }
            assertThat(send("POST", "/aides/" + aide + "/events", events.toString()).statusCode()).isEqualTo(200);
        }
        String text = "<".repeat(10_000);
        for (int batch = 0; batch < 20; batch++) {
            var events = new StringJoiner(",", "{\"events\":[", "]}");
            for (int i = batch * 6; i < (batch + 1) * 6; i++) {
                events.add("{\"t\":\"entity.update\",\"ref\":\"r" + i + "\",\"p\":{\"k" + i + "\":\"" + text + "\"}}");
            }
            assertThat(send("POST", "/aides/" + aide + "/events", events.toString()).statusCode()).isEqualTo(200);
        }

        // The editor reconnecting from many tabs at once: every request renders the whole aide.
        var pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 2; round++) {
                var pages = new ArrayList<Future<HttpResponse<String>>>();
                for (int i = 0; i < 16; i++) {
                    pages.add(pool.submit(() -> send("GET", "/aides/" + aide, null)));
                }
                assertThat(get("/health").statusCode()).as("/health while the aide renders").isEqualTo(200);
                for (var page : pages) {
                    assertThat(page.get(60, TimeUnit.SECONDS).body()).contains("This page is too large to show.");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(app.isAlive()).as("the app exited; see %s", LOG).isTrue();
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", cookie).header("Origin", "http://localhost:" + port);
        if (json != null) {
            request.header("Content-Type", "application/json").header("Accept", "application/json");
        }
        return HTTP.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request trickling its body, and what the server sent back on it (kept for the check after). */
    private static final class SlowBody {
        final Socket socket;
        final PushbackInputStream replies;
        private boolean ended;

        SlowBody(Socket socket) throws IOException {
            this.socket = socket;
            this.replies = new PushbackInputStream(socket.getInputStream(), 1);
        }

        boolean answeredOrCut() {
            try {
                return ended || replies.available() > 0;
            } catch (IOException reset) {
                return true;
            }
        }

        /** Blocks until the server's first byte or its close on this request, or {@code millis}. */
        void awaitReply(int millis) {
            try {
                socket.setSoTimeout(millis);
                int first = replies.read();
                if (first < 0) {
                    ended = true;
                } else {
                    replies.unread(first);
                }
            } catch (SocketTimeoutException stillWaiting) {
                // A second of the attack has passed.
            } catch (IOException reset) {
                ended = true;
            }
        }
    }

    private static void trickle(Socket socket) {
        try {
            socket.getOutputStream().write('a');
            socket.getOutputStream().flush();
        } catch (IOException closedByTheServer) {
            // What the deadline does: the socket is gone.
        }
    }

    /** The status code of the answer on {@code in}, or "end" when the server closed without one. */
    private static String statusOrEnd(InputStream in) {
        try {
            byte[] line = new byte[12];
            int read = in.readNBytes(line, 0, line.length);
            return read < 12 ? "end" : new String(line, 9, 3, StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException e) {
            return "still waiting";
        } catch (IOException reset) {
            return "end";
        }
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
