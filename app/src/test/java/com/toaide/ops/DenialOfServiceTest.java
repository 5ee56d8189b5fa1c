package com.toaide.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Eventually;
import com.toaide.testing.JavaProcess;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import com.toaide.testing.TestStorage;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, denial of service: the app runs as production runs it (railway.toml's JVM flags, a
 * 512 MB instance's heap) in a JVM of its own, strangers do what the audit did, and the app must
 * stay up with {@code /health} answering throughout.
 */
class DenialOfServiceTest {
    private static final Path LOG = Path.of("target", "denial-of-service.log");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static Process app;
    private static int port;

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
                "PORT", Integer.toString(port),
                "DATA_DIR", Files.createTempDirectory("aide-dos").toString()), LOG, "serve", "--no-migrate");
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
    void eighty_connections_trickling_their_bodies_do_not_stop_health_from_answering() throws Exception {
        var slow = new ArrayList<Socket>();
        try {
            for (int i = 0; i < 80; i++) {
                var socket = new Socket("localhost", port);
                socket.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: localhost:" + port + "\r\nOrigin: http://localhost:" + port
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nemail=")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < until) {
                for (var socket : slow) {
                    trickle(socket);
                }
                assertThat(get("/health").statusCode()).as("/health while 80 bodies trickle in").isEqualTo(200);
                Thread.sleep(1_000);
            }
            // By now every trickling request is past its deadline: answered or cut, never still waiting.
            for (var socket : slow) {
                trickle(socket);
                socket.setSoTimeout(10_000);
                assertThat(statusOrEnd(socket.getInputStream())).isIn("408", "end");
            }
        } finally {
            for (var socket : slow) {
                socket.close();
            }
        }
        assertThat(app.isAlive()).isTrue();
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
        } catch (java.net.SocketTimeoutException e) {
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
