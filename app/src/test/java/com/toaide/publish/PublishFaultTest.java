package com.toaide.publish;

import static com.toaide.publish.PublishedFixtures.json;
import static com.toaide.publish.PublishedFixtures.slugOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.Config;
import com.toaide.platform.storage.EmbeddedS3;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Object storage goes away in the middle of publishing: an S3 server of its own, stopped and started again. */
class PublishFaultTest {
    @AutoClose static EmbeddedS3 s3;
    @AutoClose static TestApp app;
    @AutoClose static PublishedFixtures fx;

    @BeforeAll
    static void start() {
        s3 = EmbeddedS3.inMemory();
        var storage = new Config.Storage(s3.endpoint(), s3.accessKey(), s3.secretKey());
        app = TestApp.start(TestPostgres.freshDatabase(), storage, PublishedFixtures.BILLING_ON);
        fx = new PublishedFixtures(app);
    }

    @Test
    void a_failed_upload_leaves_the_previous_version_serving_and_tells_the_user() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Before the outage");
        String slug = slugOf(fx.publish(user, aide, ""));
        fx.retitle(user, aide, "During the outage");

        s3.stop();
        try {
            var response = app.postJson("/aides/" + aide + "/publish", "", user);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response.body()).get("message").asString())
                    .contains("could not be uploaded").contains("still shows the previous version");
            var form = app.postForm("/aides/" + aide + "/publish", java.util.Map.of(), "Cookie", user.cookie());
            assertThat(form.statusCode()).isEqualTo(503);
            assertThat(form.body()).contains("still shows the previous version");
            // Editing keeps working while storage is down.
            fx.retitle(user, aide, "Still editing");
        } finally {
            s3.start();
        }

        assertThat(app.get("/s/" + slug).body()).contains("Before the outage");
        var versions = json(app.getJson("/aides/" + aide + "/versions", user).body()).get("versions");
        assertThat(versions.size()).isEqualTo(1);

        var next = fx.publish(user, aide, "");
        assertThat(next.get("version").asInt()).isEqualTo(2);
        assertThat(app.get("/s/" + slug).body()).contains("Still editing");
    }

    @Test
    void unpublishing_while_storage_is_down_changes_nothing_and_says_so() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Stays up");
        String slug = slugOf(fx.publish(user, aide, ""));
        s3.stop();
        try {
            var response = app.postJson("/aides/" + aide + "/unpublish", "", user);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response.body()).get("message").asString()).contains("could not be removed");
            assertThat(app.postForm("/aides/" + aide + "/delete", java.util.Map.of(), "Cookie", user.cookie()).statusCode())
                    .isEqualTo(503);
        } finally {
            s3.start();
        }
        assertThat(app.get("/s/" + slug).body()).contains("Stays up");
        assertThat(json(app.getJson("/aides/" + aide + "/versions", user).body()).get("published").asBoolean()).isTrue();
    }
}
