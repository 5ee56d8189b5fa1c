package com.toaide.ops;

import com.toaide.testing.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.EmbeddedDatabase;
import com.toaide.platform.db.Migrations;
import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults: with the database gone or hung, readiness says so within 2 s (the HTTP
 * client gives up after 2 s, so a slower answer fails the test), pages fail fast with a clear
 * message, and the app recovers by itself when the database is back.
 */
class DatabaseFaultTest {
    private static final Duration READINESS_DEADLINE = Duration.ofSeconds(2);

    Path dataDir;
    int port;
    EmbeddedDatabase postgres;
    TestApp app;

    @BeforeEach
    void start() throws IOException {
        dataDir = TestFiles.directory("aide-fault-pg");
        port = TestApp.freePort();
        postgres = EmbeddedDatabase.start(dataDir, port, false);
        Migrations.run(postgres.settings("postgres"));
        app = TestApp.start(postgres.settings("postgres"), Map.of());
    }

    @AfterEach
    void stop() {
        app.close();
        postgres.close();
    }

    @Test
    void a_stopped_database_makes_readiness_503_and_the_app_recovers_when_it_returns() {
        assertThat(ready().statusCode()).isEqualTo(200);

        postgres.close();
        var down = ready();
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"database\":\"down\"");
        assertThat(app.get("/health").statusCode()).isEqualTo(200);

        var page = app.get("/aides", "Cookie", "aide_session=x");
        assertThat(page.statusCode()).isIn(303, 503);

        postgres = EmbeddedDatabase.start(dataDir, port, false);
        Eventually.within(Duration.ofSeconds(20), () -> assertThat(ready().statusCode()).isEqualTo(200));
    }

    @Test
    void a_hung_database_still_gets_a_503_within_two_seconds() throws Exception {
        var process = postgres.process();
        freeze(process, true);
        try {
            var hung = ready();
            assertThat(hung.statusCode()).isEqualTo(503);
            assertThat(hung.body()).contains("\"database\":\"timeout\"");
        } finally {
            freeze(process, false);
        }
        Eventually.within(Duration.ofSeconds(20), () -> assertThat(ready().statusCode()).isEqualTo(200));
    }

    @Test
    void a_graceful_stop_lets_the_request_in_flight_finish() throws Exception {
        var process = postgres.process();
        freeze(process, true);
        try {
            // With the database hung, a readiness request stays in flight for its 1.5 s budget.
            CompletableFuture<HttpResponse<String>> inFlight = app.http().sendAsync(
                    HttpRequest.newBuilder(app.base.resolve("/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Eventually.within(Duration.ofSeconds(5), () -> assertThat(app.app.requestsInFlight()).isEqualTo(1));
            app.close();
            var response = inFlight.get();
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("\"database\"");
        } finally {
            freeze(process, false);
        }
    }

    private HttpResponse<String> ready() {
        return app.send(HttpRequest.newBuilder(app.base.resolve("/health/ready")), READINESS_DEADLINE);
    }

    /**
     * SIGSTOP/SIGCONT to the server and its backends: sockets stay open but nothing answers,
     * like a hung host. A backend may exit on its own meanwhile; that one is simply skipped.
     */
    private static void freeze(ProcessHandle postgres, boolean stop) throws Exception {
        var processes = new java.util.ArrayList<ProcessHandle>();
        processes.add(postgres);
        postgres.descendants().forEach(processes::add);
        for (var process : processes) {
            if (process.isAlive()) {
                new ProcessBuilder("kill", stop ? "-STOP" : "-CONT", Long.toString(process.pid())).start().waitFor();
            }
        }
    }
}
