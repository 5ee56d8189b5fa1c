package com.toaide.publish;

import static com.toaide.publish.PublishedFixtures.json;
import static com.toaide.publish.PublishedFixtures.slugOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import com.toaide.testing.TestStorage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Keep the published page up to date": changes republish by themselves, a burst coalesced into one upload. */
class AutoPublishTest {
    static TestApp app;
    static PublishedFixtures fx;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestPostgres.freshDatabase(), Map.of());
        // The auto-publisher hears changes through LISTEN, which opens after the app has started.
        app.awaitListening();
        fx = new PublishedFixtures(app, TestStorage.settings());
    }

    @AfterAll
    static void stop() {
        fx.close();
        app.close();
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

        // The quiet interval is 10 s from the manual publish: one upload, carrying the last change.
        // The upload lands before its version row is written, so wait for both.
        Eventually.within(Duration.ofSeconds(30), () -> {
            assertThat(app.get("/s/" + slug).body()).contains("Edit three");
            var versions = json(app.getJson("/aides/" + aide + "/versions", user).body());
            assertThat(versions.get("auto_publish").asBoolean()).isTrue();
            assertThat(versions.get("versions").size()).isEqualTo(2);
        });
        // Coalesced: the one automatic version already carries the last change of the burst.
        assertThat(app.get("/s/" + slug + "/v/2").body()).contains("Edit three");
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
