package com.toaide.aides;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/kernel.md's rule under a crash: kill -9 during a stream of edits. After a restart the stored
 * snapshot equals the replay of the stored log, and every edit the server acknowledged is there.
 */
class EditCrashTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void a_crash_between_batches_loses_nothing_that_was_acknowledged() throws Exception {
        var database = TestPostgres.freshDatabase();
        var storage = TestStorage.settings();
        String secret = "crash-test-secret-".repeat(3);
        int port = TestApp.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "DATABASE_URL", TestPostgres.databaseUrl(database),
                "R2_ENDPOINT", storage.endpoint().toString(),
                "R2_ACCESS_KEY", storage.accessKey(),
                "R2_SECRET_KEY", storage.secretKey(),
                "JWT_SECRET", secret,
                "PORT", Integer.toString(port),
                "DATA_DIR", TestFiles.directory("aide-crash").toString()));

        UUID user;
        String cookie;
        try (var db = Database.connect(database, 1)) {
            user = db.asSystem(h -> h.createQuery("insert into users (email) values ('crash@example.com') returning id").mapTo(UUID.class).one());
            cookie = SessionGuard.COOKIE + "=" + new SessionService(db, secret, Clock.systemUTC()).start(user).token();
        }
        String base = "http://localhost:" + port;

        Process first = JavaProcess.start(env, Path.of("target", "crash-first.log"), "serve", "--no-migrate");
        var acknowledged = new ConcurrentLinkedQueue<String>();
        UUID aide;
        try {
            awaitReady(base, first);
            aide = UUID.fromString(JSON.readTree(post(base + "/aides", "", cookie).body()).get("id").asString());
            assertThat(post(base + "/aides/" + aide + "/events", EditApiTest.PAGE, cookie).statusCode()).isEqualTo(200);

            var twentyDone = new CountDownLatch(20);
            var writer = new Thread(() -> {
                for (int n = 0; n < 100_000; n++) {
                    String id = "row" + n;
                    String batch = "{\"events\":[{\"t\":\"entity.create\",\"id\":\"" + id + "\",\"parent\":\"players\",\"p\":{\"name\":\"P" + n + "\"}},"
                            + "{\"t\":\"entity.update\",\"ref\":\"" + id + "\",\"p\":{\"wins\":" + n + "}}]}";
                    try {
                        if (post(base + "/aides/" + aide + "/events", batch, cookie).statusCode() == 200) {
                            acknowledged.add(id);
                            twentyDone.countDown();
                        }
                    } catch (RuntimeException serverGone) {
                        return;
                    }
                }
            });
            writer.start();
            assertThat(twentyDone.await(60, TimeUnit.SECONDS)).isTrue();
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            writer.join(30_000);
        } finally {
            first.destroyForcibly();
        }

        Process second = JavaProcess.start(env, Path.of("target", "crash-second.log"), "serve", "--no-migrate");
        try {
            awaitReady(base, second);
            try (var db = Database.connect(database, 1)) {
                StoredLog.assertReplayEqualsStoredSnapshot(db, user, aide);
            }
            var snapshot = JSON.readTree(get(base + "/aides/" + aide + "/snapshot", cookie).body()).get("snapshot");
            for (String id : List.copyOf(acknowledged)) {
                assertThat(snapshot.at("/entities/" + id + "/props/name").isMissingNode()).as("acknowledged %s is kept", id).isFalse();
            }
            var after = post(base + "/aides/" + aide + "/events", "{\"events\":[{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"wins\":99}}]}", cookie);
            assertThat(after.statusCode()).isEqualTo(200);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void awaitReady(String base, Process process) {
        Eventually.within(Duration.ofSeconds(90), () -> {
            assertThat(process.isAlive()).isTrue();
            assertThat(get(base + "/health/ready", null).statusCode()).isEqualTo(200);
        });
    }

    private HttpResponse<String> post(String url, String json, String cookie) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Origin", url.substring(0, url.indexOf('/', 8)))
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String url, String cookie) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
