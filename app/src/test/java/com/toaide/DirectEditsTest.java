package com.toaide;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.toaide.platform.db.Database;
import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestApp.TestUser;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The edit route answered on Jetty's core API ({@link DirectEdits}) answers exactly as Javalin's
 * route does: every case is sent twice, once with a Content-Length (taken by DirectEdits) and once
 * chunked (which it leaves to Javalin), to two aides with the same history, and the status, the
 * headers, the body and the request log line must match. The counter proves which way each went.
 */
class DirectEditsTest {
    @AutoClose static TestApp app;
    @AutoClose static Database db;
    static final ListAppender<ILoggingEvent> requestLog = new ListAppender<>();

    @BeforeAll
    static void start() {
        app = TestApp.start();
        db = Database.connect(app.database, 1);
        requestLog.start();
        ((Logger) LoggerFactory.getLogger("aide.request")).addAppender(requestLog);
    }

    @AfterAll
    static void stopListening() {
        ((Logger) LoggerFactory.getLogger("aide.request")).detachAppender(requestLog);
    }

    /** One answer with what may differ between two equal requests taken out: the request id, the date, the time taken. */
    record Seen(int status, Map<String, String> headers, String body, String logLine) {}

    /** Two users with an aide each; every case goes to the first through DirectEdits, to the second through Javalin. */
    record Pair(TestUser direct, UUID directAide, TestUser javalin, UUID javalinAide) {
        static Pair create() {
            var one = app.newUser();
            var two = app.newUser();
            return new Pair(one, aide(one), two, aide(two));
        }
    }

    static UUID aide(TestUser user) {
        // Also this instance's first look at the session: from here on DirectEdits knows it.
        var created = app.postJson("/aides", "", user);
        assertThat(created.statusCode()).isEqualTo(201);
        return UUID.fromString(created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1"));
    }

    static final String PAGE = """
            {"events":[
              {"t":"entity.create","id":"page","display":"page","p":{"title":"Poker Night"}},
              {"t":"entity.create","id":"players","parent":"page","display":"table","p":{"title":"Players"}}
            ]}""";

    /** The same case both ways; returns the direct answer after checking the other matches it. */
    static Seen both(Pair pair, String body, String... headers) {
        return bothTo(pair, "/aides/" + pair.directAide() + "/events", "/aides/" + pair.javalinAide() + "/events", body, headers);
    }

    static Seen bothTo(Pair pair, String directPath, String javalinPath, String body, String... headers) {
        long before = app.app.directEdits();
        var direct = send(directPath, pair.direct(), body, false, headers);
        assertThat(app.app.directEdits()).as("answered by DirectEdits").isEqualTo(before + 1);
        var javalin = send(javalinPath, pair.javalin(), body, true, headers);
        assertThat(app.app.directEdits()).as("a chunked body is left to Javalin").isEqualTo(before + 1);
        assertThat(direct.headers()).isEqualTo(javalin.headers());
        assertThat(direct.body()).isEqualTo(javalin.body());
        assertThat(direct.status()).isEqualTo(javalin.status());
        assertThat(direct.logLine()).isEqualTo(javalin.logLine());
        return direct;
    }

    static Seen send(String path, TestUser user, String body, boolean chunked, String... headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(app.base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Origin", app.origin())
                .header("Cookie", user.cookie())
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        HttpResponse<String> response = app.send(request, headers);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        var seen = new TreeMap<String, String>();
        response.headers().map().forEach((name, values) -> {
            if (!name.equals("date") && !name.equals("x-request-id")) {
                seen.put(name, String.join("\n", values));
            }
        });
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(logLine(requestId)).isNotNull());
        String line = logLine(requestId);
        return new Seen(response.statusCode(), seen, response.body().replace(requestId, "<id>"),
                line.replaceAll("\"ts\":\"[^\"]*\"", "").replaceAll("\"ms\":[0-9.]+", "").replace(requestId, "<id>")
                        .replace(user.id().toString(), "<user>"));
    }

    /** The request log's line for this request id (other test classes may log beside this one). */
    static String logLine(String requestId) {
        synchronized (requestLog) {
            return requestLog.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(line -> line.contains("\"request_id\":\"" + requestId + "\"")).findFirst().orElse(null);
        }
    }

    @Test
    void an_edit_and_its_refusals_are_answered_as_javalin_answers_them() {
        var pair = Pair.create();
        var made = both(pair, PAGE);
        assertThat(made.status()).isEqualTo(200);
        assertThat(made.body()).isEqualTo("{\"accepted\":2,\"rejected\":[],\"sequence\":2}");
        assertThat(made.headers()).containsEntry("content-type", "application/json")
                .containsEntry("x-content-type-options", "nosniff").containsKey("content-security-policy");
        assertThat(made.logLine()).contains("\"method\":\"POST\"", "\"route\":\"/aides/{id}/events\"", "\"status\":200", "\"user\":\"<user>\"");

        var partly = both(pair, """
                {"events":[{"t":"entity.create","id":"dave","parent":"players","p":{"name":"Dave <b>"}},
                           {"t":"entity.update","ref":"nobody","p":{"name":"x"}}]}""");
        assertThat(partly.body()).startsWith("{\"accepted\":1,\"rejected\":[{\"index\":1,\"reason\":");

        var none = both(pair, "{\"events\":[{\"t\":\"entity.remove\",\"ref\":\"nobody\"}]}");
        assertThat(none.status()).isEqualTo(422);

        assertThat(both(pair, "{\"events\":[").status()).isEqualTo(400);
        assertThat(both(pair, "").status()).isEqualTo(400);
        assertThat(both(pair, "{\"events\":[],\"batch\":\"short\"}").status()).isEqualTo(400);
        var tooMany = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 501; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"t\":\"entity.remove\",\"ref\":\"r").append(i).append("\"}");
        }
        assertThat(both(pair, tooMany.append("]}").toString()).status()).isEqualTo(413);

        // The request id a proxy hands in is kept when it is plain, replaced when it is not.
        var given = send("/aides/" + pair.directAide() + "/events", pair.direct(), PAGE, false, "X-Request-Id", "proxy-id-12345");
        assertThat(given.logLine()).contains("\"request_id\":\"<id>\"");
        var response = app.send(HttpRequest.newBuilder(app.base.resolve("/aides/" + pair.directAide() + "/events"))
                .POST(HttpRequest.BodyPublishers.ofString(PAGE)), "Accept", "application/json", "Origin", app.origin(),
                "Cookie", pair.direct().cookie(), "X-Request-Id", "proxy-id-12345");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("proxy-id-12345");
        response = app.send(HttpRequest.newBuilder(app.base.resolve("/aides/" + pair.directAide() + "/events"))
                .POST(HttpRequest.BodyPublishers.ofString(PAGE)), "Accept", "application/json", "Origin", app.origin(),
                "Cookie", pair.direct().cookie(), "X-Request-Id", "bad id\"{}");
        assertThat(response.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
    }

    @Test
    void another_users_aide_and_a_missing_one_are_not_found_both_ways() {
        var pair = Pair.create();
        var stranger = Pair.create();
        var theirs = bothTo(pair, "/aides/" + stranger.directAide() + "/events", "/aides/" + stranger.javalinAide() + "/events", PAGE);
        assertThat(theirs.status()).isEqualTo(404);
        UUID missing = UUID.randomUUID();
        assertThat(bothTo(pair, "/aides/" + missing + "/events", "/aides/" + missing + "/events", PAGE).status()).isEqualTo(404);
        assertThat(app.getJson("/aides/" + stranger.directAide() + "/snapshot", stranger.direct()).body())
                .as("nothing reached the stranger's aide").doesNotContain("Poker Night");
    }

    @Test
    void a_paused_user_is_refused_both_ways_with_when_to_come_back() {
        var pair = Pair.create();
        db.asSystem(h -> h.createUpdate("update users set limited_until = now() + interval '1 hour' where id in (:a, :b)")
                .bind("a", pair.direct().id()).bind("b", pair.javalin().id()).execute());
        // Every instance reloads the paused users each second.
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(app.postJson("/aides/" + pair.directAide() + "/events", PAGE,
                pair.direct()).statusCode()).isEqualTo(429));
        var paused = both(pair, PAGE);
        assertThat(paused.status()).isEqualTo(429);
        assertThat(paused.headers()).containsKey("retry-after");
        assertThat(paused.body()).contains("paused");
        // Refused before its body was read: DirectEdits waits for the body before it answers.
        long before = app.app.directEdits();
        assertThat(app.postDeclaringLength("/aides/" + pair.directAide() + "/events", 60_000,
                "Accept", "application/json", "Cookie", pair.direct().cookie())).isEqualTo(429);
        assertThat(app.app.directEdits()).as("answered by DirectEdits").isEqualTo(before + 1);
    }

    @Test
    void past_the_request_limit_both_ways_answer_429() {
        var pair = Pair.create();
        String remove = "{\"events\":[{\"t\":\"entity.remove\",\"ref\":\"x\"}]}";
        Seen direct = null;
        Seen javalin = null;
        for (int i = 0; i < 300 && (direct == null || direct.status() != 429); i++) {
            direct = send("/aides/" + pair.directAide() + "/events", pair.direct(), remove, false);
        }
        for (int i = 0; i < 300 && (javalin == null || javalin.status() != 429); i++) {
            javalin = send("/aides/" + pair.javalinAide() + "/events", pair.javalin(), remove, true);
        }
        assertThat(direct.status()).isEqualTo(429);
        assertThat(direct.body()).contains("Too many requests");
        assertThat(javalin.status()).isEqualTo(429);
        // The wait may differ by a second between the two; everything else is the same.
        assertThat(direct.headers().keySet()).isEqualTo(javalin.headers().keySet()).contains("retry-after");
        assertThat(direct.logLine()).isEqualTo(javalin.logLine());
    }

    @Test
    void what_is_not_the_common_case_is_left_to_javalin_and_answered_as_before() {
        var pair = Pair.create();
        String path = "/aides/" + pair.directAide() + "/events";
        assertThat(app.postJson(path, PAGE, pair.direct()).statusCode()).isEqualTo(200);
        long before = app.app.directEdits();

        var signedOut = app.send(HttpRequest.newBuilder(app.base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(PAGE)),
                "Accept", "application/json", "Origin", app.origin());
        assertThat(signedOut.statusCode()).isEqualTo(401);
        var forged = app.send(HttpRequest.newBuilder(app.base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(PAGE)),
                "Accept", "application/json", "Origin", app.origin(), "Cookie", "aide_session=forged");
        assertThat(forged.statusCode()).isEqualTo(401);
        var elsewhere = app.send(HttpRequest.newBuilder(app.base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(PAGE)),
                "Accept", "application/json", "Origin", "https://evil.example", "Cookie", pair.direct().cookie());
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        var html = app.send(HttpRequest.newBuilder(app.base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString("{")),
                "Origin", app.origin(), "Cookie", pair.direct().cookie());
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(app.postDeclaringLength(path, 70_000, "Accept", "application/json", "Cookie", pair.direct().cookie()))
                .isEqualTo(413);
        var trailingSlash = app.send(HttpRequest.newBuilder(app.base.resolve(path + "/")).POST(HttpRequest.BodyPublishers.ofString(PAGE)),
                "Accept", "application/json", "Origin", app.origin(), "Cookie", pair.direct().cookie());
        assertThat(trailingSlash.statusCode()).as("Javalin ignores a trailing slash").isEqualTo(422);
        var notAnId = app.postJson("/aides/not-an-id/events", PAGE, pair.direct());
        assertThat(notAnId.statusCode()).isEqualTo(404);
        // A session this instance has not seen yet: Javalin's session guard checks it, and from then on it is known.
        String secondDevice = app.newSessionCookie(pair.direct().id());
        String dave = "{\"events\":[{\"t\":\"entity.create\",\"id\":\"dave\",\"parent\":\"players\",\"p\":{\"name\":\"Dave\"}}]}";
        String eve = dave.replace("dave", "eve");
        var first = app.send(HttpRequest.newBuilder(app.base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(dave)),
                "Accept", "application/json", "Origin", app.origin(), "Cookie", secondDevice);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(app.app.directEdits()).as("none of these was answered by DirectEdits").isEqualTo(before);

        var again = app.send(HttpRequest.newBuilder(app.base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(eve)),
                "Accept", "application/json", "Origin", app.origin(), "Cookie", secondDevice);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(app.app.directEdits()).isEqualTo(before + 1);
    }

    @Test
    void a_body_that_ends_before_its_length_is_refused_and_changes_nothing() throws Exception {
        var user = app.newUser();
        UUID aide = aide(user);
        long before = app.app.directEdits();
        String status;
        try (var socket = new java.net.Socket("localhost", app.app.port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /aides/" + aide + "/events HTTP/1.1\r\nHost: localhost\r\nOrigin: " + app.origin()
                    + "\r\nAccept: application/json\r\nCookie: " + user.cookie() + "\r\nContent-Length: 500\r\n\r\n"
                    + PAGE.substring(0, 40)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
        assertThat(status).startsWith("HTTP/1.1 400");
        assertThat(app.app.directEdits()).isEqualTo(before + 1);
        assertThat(app.getJson("/aides/" + aide + "/snapshot", user).body()).doesNotContain("Poker Night");
    }

    @Test
    void a_signed_out_session_is_refused_at_once_on_the_direct_way_too() {
        var user = app.newUser();
        UUID aide = aide(user);
        long before = app.app.directEdits();
        assertThat(app.postJson("/aides/" + aide + "/events", PAGE, user).statusCode()).isEqualTo(200);
        assertThat(app.app.directEdits()).isEqualTo(before + 1);
        assertThat(app.postForm("/logout", Map.of(), "Cookie", user.cookie()).statusCode()).isIn(302, 303);
        var after = app.postJson("/aides/" + aide + "/events", PAGE, user);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(app.app.directEdits()).isEqualTo(before + 1);
        assertThat(after.body()).contains("\"error\":\"unauthorized\"");
    }
}
