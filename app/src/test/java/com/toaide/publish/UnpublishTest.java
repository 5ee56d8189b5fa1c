package com.toaide.publish;

import static com.toaide.publish.PublishedFixtures.json;
import static com.toaide.publish.PublishedFixtures.slugOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Unpublish keeps the versions for their owner; visitors get the styled "No page here"; deleting the history is its own action; an empty page is not published. */
class UnpublishTest {
    @AutoClose static TestApp app;
    @AutoClose static PublishedFixtures fx;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestPostgres.freshDatabase(), Map.of());
        fx = new PublishedFixtures(app);
    }

    static JsonNode versions(TestApp.TestUser user, UUID aide) {
        var response = app.getJson("/aides/" + aide + "/versions", user);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body());
    }

    static void assertNoPageHere(String path) {
        var response = app.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("<h1>No page here</h1>").contains("<style>").contains("prefers-color-scheme: dark");
    }

    @Test
    void after_unpublish_and_publish_again_the_owner_opens_every_version_and_visitors_only_the_live_ones() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Trip to Lisbon");
        String slug = slugOf(fx.publish(user, aide, ""));
        fx.retitle(user, aide, "Trip to Porto");
        fx.publish(user, aide, "");

        assertThat(app.postJson("/aides/" + aide + "/unpublish", "", user).statusCode()).isEqualTo(200);

        assertNoPageHere("/s/" + slug);
        assertNoPageHere("/s/" + slug + "/v/1");
        var down = versions(user, aide);
        assertThat(down.get("published").asBoolean()).isFalse();
        assertThat(down.get("versions").size()).isEqualTo(2);
        assertThat(down.at("/versions/0/url").isNull()).isTrue();
        assertThat(down.at("/versions/1/view").asString()).isEqualTo("/aides/" + aide + "/versions/1");
        assertThat(app.get("/aides/" + aide + "/versions/1", "Cookie", user.cookie()).body()).contains("Trip to Lisbon");
        assertThat(app.get("/aides/" + aide + "/versions", "Cookie", user.cookie()).body())
                .contains("only you can see it").contains("Delete the published history");

        fx.retitle(user, aide, "Trip to Faro");
        var again = fx.publish(user, aide, "");

        assertThat(again.get("version").asInt()).isEqualTo(3);
        assertThat(slugOf(again)).isEqualTo(slug);
        var up = versions(user, aide);
        assertThat(up.at("/versions/0/url").asString()).endsWith("/s/" + slug + "/v/3");
        assertThat(up.at("/versions/1/url").isNull()).isTrue();
        for (int n = 1; n <= 3; n++) {
            var page = app.get("/aides/" + aide + "/versions/" + n, "Cookie", user.cookie());
            assertThat(page.statusCode()).as("version " + n).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
        }
        assertThat(app.get("/aides/" + aide + "/versions/2", "Cookie", user.cookie()).body()).contains("Trip to Porto");
        assertThat(app.get("/s/" + slug).body()).contains("Trip to Faro");
        assertNoPageHere("/s/" + slug + "/v/2");
        assertThat(app.get("/s/" + slug + "/feed.xml").body()).contains("/v/3").doesNotContain("/v/2").doesNotContain("/v/1");
        assertThat(app.get("/aides/" + aide + "/versions/1", "Cookie", app.newUser().cookie()).statusCode()).isEqualTo(404);
    }

    @Test
    void an_unknown_slug_gets_the_styled_page_that_the_bucket_also_holds_for_the_cdn() {
        assertNoPageHere("/s/nobody-here-0000");
        assertNoPageHere("/s/Not_A_Slug");
        var stored = fx.bucket.get(PublishedFixtures.BUCKET, "_/404.html").orElseThrow();
        assertThat(new String(stored.bytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(app.get("/s/nobody-here-0000").body());
        assertThat(stored.contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
    }

    @Test
    void deleting_the_published_history_is_refused_while_published_and_numbering_still_continues() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Garden");
        String slug = slugOf(fx.publish(user, aide, ""));
        fx.publish(user, aide, "");

        var refused = app.postJson("/aides/" + aide + "/versions/delete", "", user);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused.body()).get("message").asString()).contains("Unpublish it first");
        assertThat(app.postJson("/aides/" + aide + "/versions/delete", "", app.newUser()).statusCode()).isEqualTo(404);

        app.postJson("/aides/" + aide + "/unpublish", "", user);
        var deleted = app.postForm("/aides/" + aide + "/versions/delete", Map.of(), "Cookie", user.cookie());
        assertThat(deleted.statusCode()).isEqualTo(303);

        assertThat(versions(user, aide).get("versions").size()).isZero();
        assertThat(app.get("/aides/" + aide + "/versions/1", "Cookie", user.cookie()).statusCode()).isEqualTo(404);
        assertThat(fx.bucket.list(app.config.workspaceBucket(), "users/" + user.id() + "/aides/" + aide + "/versions/")).isEmpty();
        assertThat(fx.publish(user, aide, "").get("version").asInt()).isEqualTo(3);
        assertThat(app.get("/s/" + slug).statusCode()).isEqualTo(200);
    }

    @Test
    void a_version_published_before_copies_were_kept_is_kept_when_unpublished() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Old times");
        fx.publish(user, aide, "");
        fx.bucket.deleteAll(app.config.workspaceBucket(), "users/" + user.id() + "/aides/" + aide + "/versions/");

        app.postJson("/aides/" + aide + "/unpublish", "", user);

        assertThat(app.get("/aides/" + aide + "/versions/1", "Cookie", user.cookie()).body()).contains("Old times");
    }

    @Test
    void deleting_the_aide_removes_its_kept_versions() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Short lived");
        fx.publish(user, aide, "");

        app.postForm("/aides/" + aide + "/delete", Map.of(), "Cookie", user.cookie());

        assertThat(fx.bucket.list(app.config.workspaceBucket(), "users/" + user.id() + "/aides/" + aide + "/")).isEmpty();
    }

    @Test
    void publishing_a_page_with_nothing_on_it_is_refused_in_plain_words_and_reserves_no_address() {
        var user = app.newUser();
        UUID aide = UUID.fromString(json(app.postJson("/aides", "", user).body()).get("id").asString());

        var refused = app.postJson("/aides/" + aide + "/publish", "{}", user);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused.body()).get("message").asString()).isEqualTo(
                "There is nothing on this page yet, so there is nothing to publish. Add something first.");
        assertThat(versions(user, aide).get("slug").isNull()).isTrue();
    }
}
