package com.toaide.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.toaide.platform.db.Database;
import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sentry gets one event per unexpected error, with the request id, route and user UUID, and
 * nothing a user wrote: a fake Sentry on localhost receives the real SDK's envelopes.
 */
class ErrorReportingTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PLANTED_PROP = "planted-secret-prop-9137";
    static final String PLANTED_EMAIL = "planted.person@example.org";

    @Test
    void a_failing_request_is_reported_once_with_its_tags_and_no_user_data() throws Exception {
        List<String> envelopes = new CopyOnWriteArrayList<>();
        HttpServer sentry = fakeSentry(envelopes);
        try {
            var database = TestPostgres.freshDatabase();
            var app = TestApp.start(database, Map.of("SENTRY_DSN", dsn(sentry)));
            TestApp.TestUser user;
            String requestId;
            try {
                user = app.newUser();
                var created = app.postJson("/aides", "", user);
                UUID aide = UUID.fromString(created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1"));
                rejectEventInserts(database);

                var failed = app.postJson("/aides/" + aide + "/events", """
                        {"events":[{"t":"entity.create","id":"page","display":"page",
                          "p":{"title":"%s","contact":"%s"}}]}""".formatted(PLANTED_PROP, PLANTED_EMAIL), user);

                assertThat(failed.statusCode()).isEqualTo(500);
                requestId = JSON.readTree(failed.body()).get("request_id").asString();
                assertThat(failed.body()).doesNotContain(PLANTED_PROP).doesNotContain("rejected_by_test");
                Eventually.within(Duration.ofSeconds(15), () -> assertThat(events(envelopes)).isNotEmpty());
            } finally {
                app.close(); // flushes Sentry: anything else it meant to send has been sent now
            }

            List<JsonNode> events = events(envelopes);
            assertThat(events).hasSize(1);
            JsonNode event = events.get(0);
            assertThat(event.path("tags").path("request_id").asString()).isEqualTo(requestId);
            assertThat(event.path("tags").path("route").asString()).isEqualTo("/aides/{id}/events");
            assertThat(event.path("user").path("id").asString()).isEqualTo(user.id().toString());
            assertThat(event.path("user").size()).isEqualTo(1);
            assertThat(event.path("exception").path("values").size()).isPositive();
            assertThat(event.path("request").isMissingNode()).isTrue();
            String everything = String.join("\n", envelopes);
            assertThat(everything).doesNotContain(PLANTED_PROP).doesNotContain(PLANTED_EMAIL)
                    .doesNotContain(user.email()).doesNotContain("rejected_by_test").doesNotContain("aide_session");
        } finally {
            sentry.stop(0);
        }
    }

    /** A Sentry on localhost that keeps every envelope the real SDK sends it, as text. */
    static HttpServer fakeSentry(List<String> envelopes) throws IOException {
        HttpServer sentry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sentry.createContext("/api/1/envelope/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = gunzip(body);
            }
            envelopes.add(new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sentry.start();
        return sentry;
    }

    static String dsn(HttpServer sentry) {
        return "http://publickey@127.0.0.1:" + sentry.getAddress().getPort() + "/1";
    }

    /** The database refuses to store events, and says so with the statement's values in the error. */
    static void rejectEventInserts(com.toaide.platform.db.ConnectionSettings database) throws Exception {
        try (var db = Database.connect(database, 1);
             var connection = db.dataSource().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("""
                    create function reject_events() returns trigger language plpgsql as $$
                    begin raise exception 'rejected_by_test: %', new.event::text; end $$;
                    create trigger reject_events before insert on aide_events
                        for each row execute function reject_events();
                    """);
        }
    }

    static List<JsonNode> events(List<String> envelopes) {
        var events = new java.util.ArrayList<JsonNode>();
        for (String envelope : envelopes) {
            String[] lines = envelope.split("\n");
            for (int i = 1; i + 1 < lines.length; i++) {
                JsonNode header = JSON.readTree(lines[i]);
                if (header.isObject() && "event".equals(header.path("type").asString(""))) {
                    events.add(JSON.readTree(lines[i + 1]));
                    i++;
                }
            }
        }
        return events;
    }

    static byte[] gunzip(byte[] body) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
