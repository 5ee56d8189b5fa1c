package com.toaide.ops;

import com.toaide.testing.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.toaide.Config;
import com.toaide.auth.VerifySignIn;
import com.toaide.platform.db.EmbeddedDatabase;
import com.toaide.platform.db.Migrations;
import com.toaide.platform.storage.EmbeddedS3;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code aide.jar verify} against a locally started AIde: it passes, and each broken part fails with its own line. */
class VerifyCommandTest {
    private static final String SECRET = "verify-secret-".repeat(3);
    /** Timings are printed, never judged here: the test machine's speed is not the product's. */
    private static final List<String> NO_TIME_LIMIT = List.of("--slow-ms", "600000");

    record Run(int status, String output) {}

    @Test
    void a_healthy_local_aide_passes_every_check_including_the_full_flow() {
        try (var app = TestApp.start(TestPostgres.freshDatabase(), Map.of("VERIFY_SECRET", SECRET))) {
            var run = verify(Map.of("VERIFY_SECRET", SECRET), app.base.toString(), "--full");

            assertThat(run.output()).doesNotContain("FAIL").contains(
                    "PASS health:", "PASS readiness:", "SKIP tls:", "PASS landing page:", "PASS sign-in page:", "PASS headers:",
                    "PASS static assets:", "PASS robots.txt:", "PASS full flow: signed in as " + VerifySignIn.EMAIL,
                    "PASS full flow: published", "PASS full flow: the published page shows the edit",
                    "PASS published page:", "SKIP cdn:", "PASS full flow: deleted the page", "PASS full flow: signed out",
                    "PASS response time:", "All checks passed.");
            assertThat(run.status()).isZero();
        }
    }

    @Test
    void a_stopped_database_fails_readiness_naming_the_database() throws IOException {
        var dataDir = TestFiles.directory("aide-verify-pg");
        var postgres = EmbeddedDatabase.start(dataDir, TestApp.freePort(), false);
        Migrations.run(postgres.settings("postgres"));
        try (var app = TestApp.start(postgres.settings("postgres"), Map.of())) {
            postgres.close();
            var run = verify(Map.of(), app.base.toString());
            assertThat(run.output()).containsPattern("FAIL readiness: database (down|timeout)").doesNotContain("FAIL readiness: object store");
            assertThat(run.status()).isEqualTo(1);
        } finally {
            postgres.close();
        }
    }

    @Test
    void a_stopped_object_store_fails_readiness_naming_the_object_store() {
        var s3 = EmbeddedS3.inMemory();
        try (var app = TestApp.start(TestPostgres.freshDatabase(), new Config.Storage(s3.endpoint(), s3.accessKey(), s3.secretKey()), Map.of())) {
            s3.stop();
            var run = verify(Map.of(), app.base.toString());
            assertThat(run.output()).containsPattern("FAIL readiness: object store (down|timeout)").doesNotContain("FAIL readiness: database");
            assertThat(run.status()).isEqualTo(1);
        } finally {
            s3.close();
        }
    }

    @Test
    void a_header_lost_on_the_way_fails_naming_the_header() throws IOException {
        try (var app = TestApp.start()) {
            // A proxy in front of the app that drops one of the security headers, as a misconfigured CDN rule would.
            var proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            proxy.createContext("/", exchange -> {
                try (exchange) {
                    var upstream = client.send(HttpRequest.newBuilder(app.base.resolve(exchange.getRequestURI().toString())).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    upstream.headers().map().forEach((name, values) -> {
                        if (!name.equalsIgnoreCase("X-Frame-Options") && !name.equalsIgnoreCase("content-length")
                                && !name.equalsIgnoreCase("transfer-encoding") && !name.equalsIgnoreCase("date")) {
                            exchange.getResponseHeaders().put(name, values);
                        }
                    });
                    exchange.sendResponseHeaders(upstream.statusCode(), upstream.body().length == 0 ? -1 : upstream.body().length);
                    exchange.getResponseBody().write(upstream.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            proxy.start();
            try {
                var run = verify(Map.of(), "http://127.0.0.1:" + proxy.getAddress().getPort());
                assertThat(run.output()).contains("FAIL headers: X-Frame-Options missing on /").contains("PASS health:");
                assertThat(run.status()).isEqualTo(1);
            } finally {
                proxy.stop(0);
            }
        }
    }

    @Test
    void the_full_flow_is_refused_with_a_wrong_secret_and_absent_unless_the_server_has_one() {
        try (var app = TestApp.start(TestPostgres.freshDatabase(), Map.of("VERIFY_SECRET", SECRET))) {
            var wrong = verify(Map.of("VERIFY_SECRET", "another-secret-".repeat(3)), app.base.toString(), "--full");
            assertThat(wrong.output()).contains("FAIL full flow: sign-in as the verify account answered 401");
            assertThat(wrong.status()).isEqualTo(1);

            // A signature is good once: a replay of the same header is refused.
            long now = Instant.now().getEpochSecond();
            String header = "t=" + now + ",v1=" + VerifySignIn.signature(SECRET, now, app.base.getHost());
            assertThat(signIn(app, header).statusCode()).isEqualTo(204);
            assertThat(signIn(app, header).statusCode()).isEqualTo(401);
            long old = now - 300;
            assertThat(signIn(app, "t=" + old + ",v1=" + VerifySignIn.signature(SECRET, old, app.base.getHost())).statusCode()).isEqualTo(401);
        }
        try (var app = TestApp.start()) {
            var off = verify(Map.of("VERIFY_SECRET", SECRET), app.base.toString(), "--full");
            assertThat(off.output()).contains("answered 404 (VERIFY_SECRET is not set on the server)");
            assertThat(signIn(app, "t=1,v1=" + "0".repeat(64)).statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> signIn(TestApp app, String header) {
        return app.send(HttpRequest.newBuilder(app.base.resolve("/verify/session"))
                .header("Origin", app.origin()).header("X-Aide-Verify", header)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static Run verify(Map<String, String> env, String... args) {
        var bytes = new ByteArrayOutputStream();
        var arguments = new ArrayList<>(List.of(args));
        arguments.addAll(NO_TIME_LIMIT);
        int status = VerifyCommand.run(arguments, env, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }
}
