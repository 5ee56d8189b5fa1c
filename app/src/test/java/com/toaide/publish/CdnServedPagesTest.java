package com.toaide.publish;

import static com.toaide.publish.PublishedFixtures.slugOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import com.toaide.testing.TestStorage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With R2 configured the CDN serves /s/...: the app uploads but never serves user HTML from its own origin. */
class CdnServedPagesTest {

    @Test
    void with_external_storage_the_app_publishes_but_does_not_serve_published_pages() {
        var storage = TestStorage.settings();
        try (var app = TestApp.start(TestPostgres.freshDatabase(), storage, Map.of(
                "R2_ENDPOINT", storage.endpoint().toString(), "R2_ACCESS_KEY", storage.accessKey(),
                "R2_SECRET_KEY", storage.secretKey()));
             var fx = new PublishedFixtures(app)) {
            var user = app.newUser();
            String slug = slugOf(fx.publish(user, fx.aide(user, "Served by the CDN"), ""));
            assertThat(fx.bucket.head(PublishedFixtures.BUCKET, slug + "/index.html")).isPresent();
            assertThat(app.get("/s/" + slug).statusCode()).isEqualTo(404);
            assertThat(app.get("/s/" + slug + "/feed.xml").statusCode()).isEqualTo(404);
        }
    }
}
