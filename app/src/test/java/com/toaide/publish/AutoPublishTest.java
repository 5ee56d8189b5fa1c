package com.toaide.publish;

import static com.toaide.publish.PublishedFixtures.json;
import static com.toaide.publish.PublishedFixtures.slugOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Keep the published page up to date": changes republish by themselves, a burst coalesced into
 * one upload, and a restored version stays live. Timings shortened: quiet 1 s, gap 4 s.
 */
class AutoPublishTest {
    @AutoClose static TestApp app;
    @AutoClose static PublishedFixtures fx;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestPostgres.freshDatabase(), Map.of("AUTO_PUBLISH_QUIET_SECONDS", "1", "AUTO_PUBLISH_GAP_SECONDS", "4"));
        // The auto-publisher hears changes through LISTEN, which opens after the app has started.
        app.awaitListening();
        fx = new PublishedFixtures(app);
    }

    @Test
    void with_the_option_on_a_burst_of_changes_is_published_once_with_the_last_change() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Draft");
        String slug = slugOf(fx.publish(user, aide, ""));
        var toggled = app.postJson("/aides/" + aide + "/auto-publish", "{\"on\":true}", user);
        assertThat(toggled.body()).isEqualTo("{\"auto_publish\":true}");

        fx.retitle(user, aide, "Edit one");
        fx.retitle(user, aide, "Edit two");
        fx.retitle(user, aide, "Edit three");

        // Due 4 s after the manual publish (the gap): one upload, carrying the last change.
        // The upload lands before its version row is written, so wait for both.
        Eventually.within(Duration.ofSeconds(30), () -> {
            assertThat(app.get("/s/" + slug).body()).contains("Edit three");
            var versions = json(app.getJson("/aides/" + aide + "/versions", user).body());
            assertThat(versions.get("auto_publish").asBoolean()).isTrue();
            assertThat(versions.get("versions").size()).isEqualTo(2);
        });
        // Coalesced: the one automatic version already carries the last change of the burst, and
        // its note names the burst's changes, the latest first.
        assertThat(app.get("/s/" + slug + "/v/2").body()).contains("Edit three");
        var newest = json(app.getJson("/aides/" + aide + "/versions", user).body()).get("versions").get(0);
        assertThat(newest.get("notes").asString()).startsWith("Edit three: Title → Edit three");
        assertStatusIsLive(user, aide);
    }

    @Test
    void a_restored_version_stays_live_when_the_page_is_edited_after_it() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Version one");
        String slug = slugOf(fx.publish(user, aide, ""));
        app.postJson("/aides/" + aide + "/auto-publish", "{\"on\":true}", user);
        fx.retitle(user, aide, "Version two");
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(app.get("/s/" + slug).body()).contains("Version two"));

        var restored = app.postJson("/aides/" + aide + "/versions/1/restore", "", user);
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(fx.title(user, aide)).isEqualTo("Version one");
        assertStatusIsLive(user, aide);
        fx.edit(user, aide, "{\"t\":\"entity.update\",\"ref\":\"dave\",\"p\":{\"wins\":9}}");

        // The edit goes out on top of the restored page: the old draft never comes back.
        Eventually.within(Duration.ofSeconds(30), () -> {
            String live = app.get("/s/" + slug).body();
            assertThat(live).contains("Version one").contains(">9<").doesNotContain("Version two");
            assertStatusIsLive(user, aide);
        });
        var versions = json(app.getJson("/aides/" + aide + "/versions", user).body()).get("versions");
        assertThat(versions.get(0).get("notes").asString()).isEqualTo("Dave: Wins → 9");
        assertThat(versions.get(1).get("notes").asString()).isEqualTo("Restored version 1.");
    }

    /** The live page shows the draft's point of the log: the editor's status says it is up to date. */
    private static void assertStatusIsLive(com.toaide.testing.TestApp.TestUser user, UUID aide) {
        var status = json(app.getJson("/aides/" + aide + "/versions", user).body());
        assertThat(status.get("published_sequence").asLong()).isEqualTo(status.get("sequence").asLong());
    }

    @Test
    void with_the_option_off_changes_wait_for_the_next_publish() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Manual");
        fx.publish(user, aide, "");
        app.postJson("/aides/" + aide + "/auto-publish", "{\"on\":true}", user);
        app.postJson("/aides/" + aide + "/auto-publish", "{\"on\":false}", user);
        fx.retitle(user, aide, "Not yet");
        var versions = json(app.getJson("/aides/" + aide + "/versions", user).body());
        assertThat(versions.get("auto_publish").asBoolean()).isFalse();
        assertThat(versions.get("versions").size()).isEqualTo(1);
    }
}
