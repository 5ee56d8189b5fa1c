package com.toaide.publish;

import static com.toaide.publish.PublishedFixtures.json;
import static com.toaide.publish.PublishedFixtures.slugOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Publishing over real HTTP against the embedded S3 server, and the pages as visitors get them. */
class PublishTest {
    @AutoClose static TestApp app;
    @AutoClose static PublishedFixtures fx;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestPostgres.freshDatabase(), PublishedFixtures.BILLING_ON);
        fx = new PublishedFixtures(app);
    }

    @Test
    void publishing_uploads_the_page_with_its_headers_and_serves_it_at_its_link() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Poker Night");
        var published = fx.publish(user, aide, "");
        String slug = slugOf(published);

        assertThat(published.get("version").asInt()).isEqualTo(1);
        assertThat(slug).matches("[a-z]+-[a-z]+-[0-9]{4}");
        assertThat(published.get("url").asString()).isEqualTo(app.config.publicUrl() + "/s/" + slug);

        var page = fx.bucket.head(PublishedFixtures.BUCKET, slug + "/index.html").orElseThrow();
        assertThat(page.contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(page.cacheControl()).isEqualTo("public, max-age=60, s-maxage=300, stale-while-revalidate=86400");
        var version = fx.bucket.head(PublishedFixtures.BUCKET, slug + "/v/1/index.html").orElseThrow();
        assertThat(version.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(version.contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");

        var response = app.get("/s/" + slug);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Poker Night").contains("Dave");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue(page.cacheControl());
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    /**
     * In production R2 serves the pages and object metadata cannot carry these headers, so a
     * Cloudflare rule adds them (docs/deploy.md): the rule must say what the embedded default says.
     */
    @Test
    void the_documented_cloudflare_rule_adds_the_same_headers_as_the_embedded_default() throws Exception {
        var user = app.newUser();
        var response = app.get("/s/" + slugOf(fx.publish(user, fx.aide(user, "Framed"), "")));
        String deploy = Files.readString(Path.of("docs/deploy.md"));
        for (String name : List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy")) {
            var row = Pattern.compile("(?m)^ *\\| `" + name + "` \\| `([^`]+)` \\|").matcher(deploy);
            assertThat(row.find()).as("deploy.md's rule sets %s", name).isTrue();
            assertThat(response.headers().firstValue(name)).hasValue(row.group(1));
        }
    }

    @Test
    void publishing_from_the_form_returns_to_the_editor_with_a_notice() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Graduation");
        var response = app.postForm("/aides/" + aide + "/publish", Map.of(), "Cookie", user.cookie());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/aides/" + aide + "?published=1");
    }

    @Test
    void republishing_keeps_the_slug_and_adds_a_version_while_the_old_one_stays_at_its_url() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Spring League");
        var first = fx.publish(user, aide, "");
        fx.retitle(user, aide, "Summer League");
        var second = fx.publish(user, aide, "{}");

        assertThat(second.get("url").asString()).isEqualTo(first.get("url").asString());
        assertThat(second.get("version").asInt()).isEqualTo(2);
        String slug = slugOf(second);
        assertThat(app.get("/s/" + slug).body()).contains("Summer League").doesNotContain("Spring League");
        assertThat(app.get("/s/" + slug + "/v/1").body()).contains("Spring League");
        assertThat(app.get("/s/" + slug + "/v/2").body()).contains("Summer League");
        assertThat(app.get("/s/" + slug + "/v/1").headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void a_free_aide_keeps_its_newest_twenty_versions_and_an_account_publishes_at_most_sixty_times_an_hour() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Busy");
        String slug = null;
        for (int i = 0; i < VersionRelease.FREE_VERSIONS + 1; i++) {
            slug = slugOf(fx.publish(user, aide, "{}"));
        }
        // Version 1 is gone from the list, the table and the bucket; 2 to 21 stay.
        var versions = app.getJson("/aides/" + aide + "/versions", user);
        assertThat(versions.body()).contains("/s/" + slug + "/v/21").contains("/s/" + slug + "/v/2\"").doesNotContain("/s/" + slug + "/v/1\"");
        assertThat(app.get("/s/" + slug + "/v/1").statusCode()).isEqualTo(404);
        assertThat(fx.bucket.head(PublishedFixtures.BUCKET, slug + "/v/1/index.html")).isEmpty();
        assertThat(app.get("/s/" + slug + "/v/2").statusCode()).isEqualTo(200);
        int kept = fx.db.asSystem(h -> h.createQuery("select count(*) from published_versions where aide_id = :id")
                .bind("id", aide).mapTo(Integer.class).one());
        assertThat(kept).isEqualTo(VersionRelease.FREE_VERSIONS);

        // The hour's count at its limit (as if 39 more publishes had run): the next is refused, nothing changes.
        fx.db.asSystem(h -> h.createUpdate("""
                insert into rate_limits (key, window_start, count)
                values (:key, to_timestamp(floor(extract(epoch from now()) / 3600) * 3600), :max)
                on conflict (key, window_start) do update set count = :max""")
                .bind("key", "publish:user:" + user.id()).bind("max", PublishService.PUBLISHES.max()).execute());
        var refused = app.postJson("/aides/" + aide + "/publish", "{}", user);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("published 60 times in the last hour", "Your changes are kept.", "Try again in");
        assertThat(app.get("/s/" + slug + "/v/22").statusCode()).isEqualTo(404);
    }

    @Test
    void unpublishing_removes_every_object_and_the_slug_stays_with_the_aide() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Trip");
        fx.publish(user, aide, "");
        String slug = slugOf(fx.publish(user, aide, ""));

        var response = app.postJson("/aides/" + aide + "/unpublish", "", user);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(app.get("/s/" + slug).statusCode()).isEqualTo(404);
        assertThat(app.get("/s/" + slug + "/v/1").statusCode()).isEqualTo(404);
        assertThat(app.get("/s/" + slug + "/feed.xml").statusCode()).isEqualTo(404);
        assertThat(fx.bucket.list(PublishedFixtures.BUCKET, slug + "/")).isEmpty();
        var versions = json(app.getJson("/aides/" + aide + "/versions", user).body());
        assertThat(versions.get("published").asBoolean()).isFalse();
        assertThat(versions.get("slug").asString()).isEqualTo(slug);
        assertThat(app.get("/aides", "Cookie", user.cookie()).body()).doesNotContain("/s/" + slug);

        var again = fx.publish(user, aide, "");
        assertThat(slugOf(again)).isEqualTo(slug);
        assertThat(app.get("/s/" + slug).statusCode()).isEqualTo(200);
        assertThat(app.get("/aides", "Cookie", user.cookie()).body()).contains("/s/" + slug);
    }

    @Test
    void a_pro_user_chooses_the_slug_and_no_other_aide_can_take_it() {
        var owner = app.newUser();
        var other = app.newUser();
        fx.makePro(owner);
        fx.makePro(other);
        String slug = "poker-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = fx.aide(owner, "The first");
        assertThat(fx.publish(owner, first, "{\"slug\":\"" + slug + "\"}").get("url").asString()).endsWith("/s/" + slug);

        UUID second = fx.aide(other, "The second");
        var taken = app.postJson("/aides/" + second + "/publish", "{\"slug\":\"" + slug + "\"}", other);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken.body()).get("message").asString()).contains("is taken");
        UUID sameOwner = fx.aide(owner, "Also mine");
        assertThat(app.postJson("/aides/" + sameOwner + "/publish", "{\"slug\":\"" + slug + "\"}", owner).statusCode()).isEqualTo(409);

        // Unpublished, the slug still belongs to the first aide.
        app.postJson("/aides/" + first + "/unpublish", "", owner);
        assertThat(app.postJson("/aides/" + second + "/publish", "{\"slug\":\"" + slug + "\"}", other).statusCode()).isEqualTo(409);
        assertThat(slugOf(fx.publish(owner, first, ""))).isEqualTo(slug);
        assertThat(app.get("/s/" + slug).body()).contains("The first");
    }

    @Test
    void reserved_words_and_malformed_slugs_are_refused() {
        var user = app.newUser();
        fx.makePro(user);
        UUID aide = fx.aide(user, "Household");
        for (String slug : new String[] {"admin", "api", "s", "static", "login", "webhooks", "Bad Slug!", "-dash", "a".repeat(65), "ab"}) {
            var response = app.postJson("/aides/" + aide + "/publish", "{\"slug\":\"" + slug + "\"}", user);
            assertThat(response.statusCode()).as(slug).isEqualTo(400);
        }
        assertThat(json(app.getJson("/aides/" + aide + "/versions", user).body()).get("slug").isNull()).isTrue();
    }

    @Test
    void a_free_user_cannot_choose_the_slug() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Renovation");
        var response = app.postJson("/aides/" + aide + "/publish", "{\"slug\":\"my-renovation\"}", user);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response.body()).get("message").asString()).contains("Pro");
    }

    @Test
    void the_feed_and_the_versions_list_carry_what_changed_since_the_version_before_escaped() throws Exception {
        var user = app.newUser();
        UUID aide = fx.aide(user, "League & Friends");
        fx.publish(user, aide, "");
        fx.edit(user, aide, "{\"t\":\"entity.update\",\"ref\":\"mike\",\"p\":{\"name\":\"<b>Tom & Jerry</b>\"}}");
        fx.edit(user, aide, "{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"wins\":5}}");
        String slug = slugOf(fx.publish(user, aide, ""));

        var feed = app.get("/s/" + slug + "/feed.xml");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("application/atom+xml;charset=utf-8");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        var entries = doc.getElementsByTagName("entry");
        assertThat(entries.getLength()).isEqualTo(2);
        // Newest first, each with only the changes since the version before it, the latest first.
        assertThat(entries.item(0).getTextContent()).contains("Dave: Wins → 5; <b>Tom & Jerry</b>: Name → <b>Tom & Jerry</b>")
                .doesNotContain("Added");
        assertThat(entries.item(1).getTextContent()).contains("Added League & Friends");
        assertThat(feed.body()).contains("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;").doesNotContain("<b>").doesNotContain("Updated.");
        assertThat(feed.body()).contains("/s/" + slug + "/v/2").contains("/s/" + slug + "/v/1");

        var versions = json(app.getJson("/aides/" + aide + "/versions", user).body()).get("versions");
        assertThat(versions.get(0).get("notes").asString()).isEqualTo("Dave: Wins → 5; <b>Tom & Jerry</b>: Name → <b>Tom & Jerry</b>");
        assertThat(versions.get(1).get("notes").asString()).startsWith("Added League & Friends");
        var page = app.get("/aides/" + aide + "/versions", "Cookie", user.cookie()).body();
        assertThat(page).contains("Dave: Wins → 5; &lt;b&gt;Tom &amp; Jerry&lt;/b&gt;").doesNotContain("<b>Tom");
    }

    @Test
    void publishing_again_without_changes_says_so() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Same");
        fx.publish(user, aide, "");
        fx.publish(user, aide, "");
        var versions = json(app.getJson("/aides/" + aide + "/versions", user).body()).get("versions");
        assertThat(versions.get(0).get("notes").asString()).isEqualTo("Published again with no changes.");
    }

    @Test
    void a_publish_never_puts_an_older_point_of_the_page_over_a_newer_live_one() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Older");
        String slug = slugOf(fx.publish(user, aide, ""));
        fx.retitle(user, aide, "Newer");
        // As if another instance had published a point this one has not seen yet.
        fx.db.asSystem(h -> h.createUpdate("update aides set published_seq = log_seq + 5 where id = :id").bind("id", aide).execute());

        var refused = app.postJson("/aides/" + aide + "/publish", "", user);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused.body()).get("message").asString()).isEqualTo("A newer version of this page was published meanwhile, so this one was not.");
        assertThat(app.get("/s/" + slug).body()).contains("Older").doesNotContain("Newer");
        assertThat(json(app.getJson("/aides/" + aide + "/versions", user).body()).get("versions").size()).isEqualTo(1);
    }

    @Test
    void an_unchanged_page_answers_304_to_its_etag() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Cache");
        String slug = slugOf(fx.publish(user, aide, ""));
        var first = app.get("/s/" + slug);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var again = app.get("/s/" + slug, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(app.get("/s/" + slug, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void pages_that_were_never_published_are_not_found() {
        assertThat(app.get("/s/never-published-1234").statusCode()).isEqualTo(404);
        assertThat(app.get("/s/never-published-1234/v/1").statusCode()).isEqualTo(404);
        assertThat(app.get("/s/never-published-1234/v/x").statusCode()).isEqualTo(404);
        assertThat(app.get("/s/Not_A_Slug").statusCode()).isEqualTo(404);
    }

    @Test
    void another_users_aide_is_not_found_for_every_publishing_route() {
        var owner = app.newUser();
        var stranger = app.newUser();
        UUID aide = fx.aide(owner, "Private");
        fx.publish(owner, aide, "");
        assertThat(app.postJson("/aides/" + aide + "/publish", "", stranger).statusCode()).isEqualTo(404);
        assertThat(app.postJson("/aides/" + aide + "/unpublish", "", stranger).statusCode()).isEqualTo(404);
        assertThat(app.getJson("/aides/" + aide + "/versions", stranger).statusCode()).isEqualTo(404);
        assertThat(app.postJson("/aides/" + aide + "/versions/1/restore", "", stranger).statusCode()).isEqualTo(404);
        assertThat(app.postJson("/aides/" + aide + "/auto-publish", "{\"on\":true}", stranger).statusCode()).isEqualTo(404);
        assertThat(app.get("/aides/" + aide + "/versions", "Cookie", stranger.cookie()).body()).doesNotContain("Private");
        assertThat(json(app.getJson("/aides/" + aide + "/versions", owner).body()).get("versions").size()).isEqualTo(1);
    }

    @Test
    void the_published_page_has_no_script_and_carries_what_a_link_preview_needs() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Poker Night");
        String slug = slugOf(fx.publish(user, aide, ""));
        String url = app.config.publicUrl() + "/s/" + slug;
        String html = app.get("/s/" + slug).body();

        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("data-entity").doesNotContain("javascript:");
        assertThat(html).startsWith("<!doctype html>")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'\">")
                .contains("<link rel=\"canonical\" href=\"" + url + "\">")
                .contains("<meta property=\"og:url\" content=\"" + url + "\">")
                .contains("<meta property=\"og:title\" content=\"Poker Night\">")
                .contains("<meta name=\"description\"")
                .contains("<meta property=\"og:description\"")
                .contains("<meta name=\"twitter:card\"")
                .contains("href=\"" + url + "/feed.xml\"");
    }

    @Test
    void free_pages_carry_the_footer_and_pro_pages_do_not() {
        var free = app.newUser();
        var pro = app.newUser();
        fx.makePro(pro);
        String freeSlug = slugOf(fx.publish(free, fx.aide(free, "Free page"), ""));
        String proSlug = slugOf(fx.publish(pro, fx.aide(pro, "Pro page"), ""));
        assertThat(app.get("/s/" + freeSlug).body()).contains("Maintained with AIde");
        assertThat(app.get("/s/" + proSlug).body()).doesNotContain("Maintained with AIde").contains("Updated");
    }

    @Test
    void the_versions_list_has_dates_sizes_notes_and_links_and_an_old_version_can_be_restored() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Version one");
        fx.publish(user, aide, "");
        fx.retitle(user, aide, "Version two");
        String slug = slugOf(fx.publish(user, aide, ""));

        var versions = json(app.getJson("/aides/" + aide + "/versions", user).body());
        assertThat(versions.get("published").asBoolean()).isTrue();
        assertThat(versions.get("versions").size()).isEqualTo(2);
        var newest = versions.get("versions").get(0);
        assertThat(newest.get("version").asInt()).isEqualTo(2);
        assertThat(newest.get("url").asString()).isEqualTo(app.config.publicUrl() + "/s/" + slug + "/v/2");
        assertThat(newest.get("size").asInt()).isGreaterThan(1000);
        assertThat(newest.get("created_at").asString()).isNotBlank();

        var restored = json(app.postJson("/aides/" + aide + "/versions/1/restore", "", user).body());
        assertThat(restored.get("version").asInt()).isEqualTo(3);
        assertThat(app.get("/s/" + slug).body()).contains("Version one");
        // The draft is back at version 1 too, as one batch: the live page and the draft agree.
        assertThat(fx.title(user, aide)).isEqualTo("Version one");
        var status = json(app.getJson("/aides/" + aide + "/versions", user).body());
        assertThat(status.get("published_sequence").asLong()).isEqualTo(status.get("sequence").asLong());
        assertThat(app.postJson("/aides/" + aide + "/undo", "", user).statusCode()).isEqualTo(200);
        assertThat(fx.title(user, aide)).isEqualTo("Version two");
        assertThat(json(app.getJson("/aides/" + aide + "/versions", user).body()).get("versions").get(0).get("notes").asString())
                .isEqualTo("Restored version 1.");
        assertThat(app.postJson("/aides/" + aide + "/versions/9/restore", "", user).statusCode()).isEqualTo(404);

        var page = app.get("/aides/" + aide + "/versions", "Cookie", user.cookie());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Version 3").contains("Restored version 1.").contains("/aides/" + aide + "/versions/1");
    }

    @Test
    void deleting_an_aide_removes_its_public_objects() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Short lived");
        String slug = slugOf(fx.publish(user, aide, ""));
        var response = app.postForm("/aides/" + aide + "/delete", Map.of(), "Cookie", user.cookie());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(fx.bucket.list(PublishedFixtures.BUCKET, slug + "/")).isEmpty();
        assertThat(app.get("/s/" + slug).statusCode()).isEqualTo(404);
    }

    @Test
    void deleting_an_account_removes_the_public_objects_of_all_its_aides() {
        var user = app.newUser();
        String one = slugOf(fx.publish(user, fx.aide(user, "One"), ""));
        String two = slugOf(fx.publish(user, fx.aide(user, "Two"), ""));
        var response = app.postForm("/account/delete", Map.of("confirm_email", user.email()), "Cookie", user.cookie());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(fx.bucket.list(PublishedFixtures.BUCKET, one + "/")).isEmpty();
        assertThat(fx.bucket.list(PublishedFixtures.BUCKET, two + "/")).isEmpty();
    }
}
