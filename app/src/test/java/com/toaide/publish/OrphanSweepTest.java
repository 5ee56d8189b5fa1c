package com.toaide.publish;

import static com.toaide.publish.PublishedFixtures.slugOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The orphan sweep, on a bucket of its own (the shared test bucket holds other tests' pages). */
class OrphanSweepTest {
    static final String BUCKET = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
    @AutoClose static TestApp app;
    @AutoClose static PublishedFixtures fx;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestPostgres.freshDatabase(), Map.of("R2_PUBLISHED_BUCKET", BUCKET));
        fx = new PublishedFixtures(app);
    }

    OrphanSweep sweeper(Duration ahead) {
        return new OrphanSweep(fx.db, new PublishedObjects(fx.bucket, BUCKET, app.config.workspaceBucket(), app.config.publicUrl()),
                Clock.offset(Clock.systemUTC(), ahead));
    }

    void put(String key) {
        fx.bucket.put(BUCKET, key, "<!doctype html>".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", null);
    }

    @Test
    void objects_no_published_aide_points_to_are_swept_once_they_are_old_enough() {
        var user = app.newUser();
        UUID live = fx.aide(user, "Live");
        var published = fx.app.postJson("/aides/" + live + "/publish", "", user);
        String liveSlug = slugOf(PublishedFixtures.json(published.body()));
        UUID unpublished = fx.aide(user, "Taken down");
        String downSlug = slugOf(PublishedFixtures.json(fx.app.postJson("/aides/" + unpublished + "/publish", "", user).body()));
        fx.app.postJson("/aides/" + unpublished + "/unpublish", "", user);
        put("ghost-town-1234/index.html");
        put("ghost-town-1234/v/1/index.html");
        put(downSlug + "/index.html");
        put("_/404.html");

        // Fresh objects may belong to a publish in progress: left alone.
        assertThat(sweeper(Duration.ZERO).sweep()).isEmpty();
        assertThat(fx.bucket.list(BUCKET, "ghost-town-1234/")).hasSize(2);

        var swept = sweeper(Duration.ofHours(2)).sweep();
        assertThat(swept).containsExactlyInAnyOrder("ghost-town-1234", downSlug);
        assertThat(fx.bucket.list(BUCKET, "ghost-town-1234/")).isEmpty();
        assertThat(fx.bucket.list(BUCKET, downSlug + "/")).isEmpty();
        assertThat(fx.bucket.list(BUCKET, liveSlug + "/")).contains(liveSlug + "/index.html", liveSlug + "/v/1/index.html", liveSlug + "/feed.xml");
        assertThat(app.get("/s/" + liveSlug).statusCode()).isEqualTo(200);
        assertThat(fx.bucket.head(BUCKET, "_/404.html")).as("the not-found page belongs to no slug").isPresent();
    }
}
