package com.toaide;

import com.toaide.testing.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.EmbeddedDatabase;
import com.toaide.testing.Eventually;
import com.toaide.testing.JavaProcess;
import com.toaide.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded default (README, "Run it"): {@code serve} with no variables starts Postgres and the S3
 * server in DATA_DIR, survives a kill -9 (the orphaned postgres is stopped on the next start)
 * and keeps its data.
 */
class EmbeddedDefaultTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void serve_with_no_configuration_survives_a_crash_and_keeps_its_data() throws Exception {
        Path dataDir = TestFiles.directory("aide-embedded");
        int port = TestApp.freePort();
        var env = Map.of("DATA_DIR", dataDir.toString(), "PORT", Integer.toString(port));

        Process first = JavaProcess.start(env, dataDir.resolve("first.log"), "serve");
        try {
            awaitReady(port, first, dataDir.resolve("first.log"));
            assertThat(get(port, "/").statusCode()).isEqualTo(200);
            assertThat(get(port, "/no/such/page").statusCode()).isEqualTo(404);
            assertThat(get(port, "/aides").headers().firstValue("Location")).hasValue("/login");
            assertThat(dataDir.resolve("objects/aide-published")).isDirectory();
            try (var db = superuser(dataDir); var statement = db.createStatement()) {
                statement.execute("insert into users (email) values ('kept@example.com')");
                try (var rows = statement.executeQuery("show fsync")) {
                    rows.next();
                    assertThat(rows.getString(1)).isEqualTo("on");
                }
            }
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        long orphan = postmasterPid(dataDir);
        assertThat(ProcessHandle.of(orphan)).get().matches(ProcessHandle::isAlive, "postgres outlives a kill -9 of the app");

        Process second = JavaProcess.start(env, dataDir.resolve("second.log"), "serve");
        try {
            awaitReady(port, second, dataDir.resolve("second.log"));
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
            try (var db = superuser(dataDir); var statement = db.createStatement();
                 var rows = statement.executeQuery("select count(*) from users where email = 'kept@example.com'")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        } finally {
            second.destroy();
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        // A polite stop (SIGTERM) also stops the embedded servers.
        assertThat(ProcessHandle.of(postmasterPid(dataDir)).filter(ProcessHandle::isAlive)).isEmpty();
    }

    private void awaitReady(int port, Process process, Path log) {
        Eventually.within(Duration.ofSeconds(90), () -> {
            assertThat(process.isAlive()).as("the app exited; its log: %s", log).isTrue();
            assertThat(get(port, "/health/ready").statusCode()).isEqualTo(200);
        });
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The embedded server's port is in line 4 of postmaster.pid; its generated password beside its data. */
    private static java.sql.Connection superuser(Path dataDir) throws Exception {
        var lines = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
        String password = Files.readString(dataDir.resolve("postgres.password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres", EmbeddedDatabase.SUPERUSER, password);
    }

    private static long postmasterPid(Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return -1;
        }
        return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    }
}
