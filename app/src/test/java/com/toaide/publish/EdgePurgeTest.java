package com.toaide.publish;

import static com.toaide.publish.PublishedFixtures.slugOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.time.Duration;
import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With CLOUDFLARE_* set, every publish, restore and unpublish purges the page's URLs from the edge. */
class EdgePurgeTest {
    @AutoClose static FakeCloudflare cloudflare;
    @AutoClose static TestApp app;
    @AutoClose static PublishedFixtures fx;

    @BeforeAll
    static void start() {
        cloudflare = FakeCloudflare.start();
        var env = new HashMap<>(PublishedFixtures.BILLING_ON);
        env.putAll(cloudflare.environment());
        app = TestApp.start(TestPostgres.freshDatabase(), env);
        fx = new PublishedFixtures(app);
    }

    @Test
    void publish_restore_and_unpublish_purge_the_page_and_its_feed() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Poker Night");
        String slug = slugOf(fx.publish(user, aide, ""));
        String page = app.config.publicUrl() + "/s/" + slug;
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(cloudflare.purgedUrls())
                .contains(page, page + "/", app.config.publicUrl() + "/" + slug + "/index.html",
                        page + "/feed.xml", app.config.publicUrl() + "/" + slug + "/feed.xml"));

        long before = cloudflare.attemptsFor(page);
        assertThat(app.postJson("/aides/" + aide + "/versions/1/restore", "", user).statusCode()).isLessThan(400);
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(cloudflare.attemptsFor(page)).isGreaterThan(before));

        assertThat(app.postJson("/aides/" + aide + "/unpublish", "", user).statusCode()).isLessThan(400);
        // Versions are cached for a year: unpublishing purges each of them too.
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(cloudflare.purgedUrls())
                .contains(page + "/v/1", page + "/v/2"));
    }

    @Test
    void a_failed_purge_is_retried_and_never_fails_the_publish() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Spring League");
        cloudflare.failNext(2);
        String slug = slugOf(fx.publish(user, aide, ""));
        String page = app.config.publicUrl() + "/s/" + slug;
        Eventually.within(Duration.ofSeconds(15), () -> assertThat(cloudflare.purgedUrls()).contains(page));
        assertThat(cloudflare.attemptsFor(page)).isEqualTo(3);
    }

    @Test
    void a_purge_that_keeps_failing_is_given_up_after_a_bounded_number_of_attempts() throws Exception {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Renovation");
        cloudflare.failNext(1_000);
        try {
            String slug = slugOf(fx.publish(user, aide, ""));
            String page = app.config.publicUrl() + "/s/" + slug;
            Eventually.within(Duration.ofSeconds(20), () -> assertThat(cloudflare.attemptsFor(page)).isEqualTo(CloudflarePurge.ATTEMPTS));
            cloudflare.failNext(0);
            // One worker purges in order: once a later page is purged, the failing one's retries are over.
            String later = app.config.publicUrl() + "/s/" + slugOf(fx.publish(user, fx.aide(user, "Kitchen"), ""));
            Eventually.within(Duration.ofSeconds(30), () -> assertThat(cloudflare.purgedUrls()).contains(later));
            assertThat(cloudflare.attemptsFor(page)).isEqualTo(CloudflarePurge.ATTEMPTS);
            assertThat(cloudflare.purgedUrls()).doesNotContain(page);
        } finally {
            cloudflare.failNext(0);
        }
    }
}
