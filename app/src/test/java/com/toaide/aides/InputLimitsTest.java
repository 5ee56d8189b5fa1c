package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Limits a client could step around (issue 12): bodies counted as read, text Postgres refuses, racing creates. */
class InputLimitsTest {
    @AutoClose static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @Test
    void a_chunked_edit_body_is_held_to_the_edit_limit_by_the_bytes_read() {
        var user = app.newUser();
        UUID aide = EditApiTest.create(user, app);
        var events = new StringBuilder("{\"t\":\"entity.create\",\"id\":\"page\"}");
        for (int i = 0; i < 30; i++) {
            events.append(",{\"t\":\"entity.create\",\"id\":\"row_").append(i)
                    .append("\",\"parent\":\"page\",\"p\":{\"note\":\"").append("x".repeat(9_000)).append("\"}}");
        }
        byte[] body = ("{\"events\":[" + events + "]}").getBytes();
        assertThat(body.length).isGreaterThan(200_000).isLessThan(1_000_000);

        var response = app.send(HttpRequest.newBuilder(app.base.resolve("/aides/" + aide + "/events"))
                .header("Content-Type", "application/json").header("Origin", app.origin()).header("Cookie", user.cookie())
                // An input stream of unknown length: sent chunked, with no Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(EditApiTest.snapshot(user, aide, app).at("/_sequence").asLong()).isZero();
        var small = app.send(HttpRequest.newBuilder(app.base.resolve("/aides/" + aide + "/events"))
                .header("Content-Type", "application/json").header("Origin", app.origin()).header("Cookie", user.cookie())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(EditApiTest.PAGE.getBytes()))));
        assertThat(small.statusCode()).as("a small chunked edit still applies").isEqualTo(200);
    }

    @Test
    void a_nul_character_or_an_oversized_number_is_a_clear_4xx_never_a_500() {
        var user = app.newUser();
        UUID aide = EditApiTest.create(user, app);
        String path = "/aides/" + aide + "/events";
        app.postJson(path, EditApiTest.PAGE, user);

        for (String event : new String[] {
                "{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"name\":\"Da\\u0000ve\"}}",
                "{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"na\\u0000me\":\"Dave\"}}",
                "{\"t\":\"meta.set\",\"p\":{\"identity\":\"\\u0000\"}}",
                "{\"t\":\"rel.set\",\"from\":\"dave\",\"to\":\"players\",\"type\":\"in\\u0000\"}",
                "{\"t\":\"rel.constrain\",\"id\":\"c\",\"rule\":\"max_links\",\"value\":123456789012345678901234567890,\"strict\":true}"}) {
            var response = app.postJson(path, "{\"events\":[" + event + "]}", user);
            assertThat(response.statusCode()).as(event).isEqualTo(422);
            assertThat(response.body()).as(event).contains("INVALID_FIELD");
        }
        assertThat(EditApiTest.snapshot(user, aide, app).at("/_sequence").asLong()).isEqualTo(3);

        var rename = app.postForm("/aides/" + aide + "/rename", Map.of("title", "Poker\u0000Night"), "Cookie", user.cookie(), "Accept", "application/json");
        assertThat(rename.statusCode()).isEqualTo(400);
        var chat = app.postJson("/aides/" + aide + "/turns", "{\"message\":\"Dave won\\u0000\"}", user);
        assertThat(chat.statusCode()).isEqualTo(400);
    }

    @Test
    void thirty_parallel_creates_make_one_empty_page_and_none_past_the_free_plan_limit() throws Exception {
        var user = app.newUser();
        for (int i = 0; i < AideService.FREE_ACTIVE_AIDES - 1; i++) {
            assertThat(app.postJson("/aides/" + EditApiTest.create(user, app) + "/events", EditApiTest.PAGE, user).statusCode())
                    .isEqualTo(200);
        }
        var first = parallelCreates(user);
        assertThat(first).as(first.toString()).allMatch(answer -> answer.statusCode() == 201);
        // Creates take turns: the first makes the empty page, the other 29 are given the same one.
        assertThat(first.stream().map(HttpResponse::body).distinct()).hasSize(1);
        String id = EditApiTest.JSON.readTree(first.get(0).body()).get("id").asString();
        assertThat(app.postJson("/aides/" + id + "/events", EditApiTest.PAGE, user).statusCode()).isEqualTo(200);

        var second = parallelCreates(user);
        assertThat(second).as(second.toString()).allMatch(answer -> answer.statusCode() == 409);
        assertThat(EditApiTest.JSON.readTree(app.getJson("/aides", user).body()).get("aides").size())
                .isEqualTo(AideService.FREE_ACTIVE_AIDES);
    }

    private static List<HttpResponse<String>> parallelCreates(TestApp.TestUser user) throws Exception {
        var pool = Executors.newFixedThreadPool(30);
        try {
            var creates = new ArrayList<Callable<HttpResponse<String>>>();
            for (int i = 0; i < 30; i++) {
                creates.add(() -> app.postJson("/aides", "", user));
            }
            var answers = new ArrayList<HttpResponse<String>>();
            for (var future : pool.invokeAll(creates)) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
