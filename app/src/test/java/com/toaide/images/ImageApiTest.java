package com.toaide.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.platform.storage.S3BlobStore;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestApp.TestUser;
import com.toaide.testing.TestStorage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Uploading photos over real HTTP into the embedded S3 server's private workspace bucket. */
class ImageApiTest {
    static final String WORKSPACE = "aide-workspaces";
    static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose static TestApp app;
    @AutoClose static S3BlobStore bucket;
    @AutoClose static Database db;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        var storage = TestStorage.settings();
        bucket = S3BlobStore.connect(storage.endpoint(), storage.accessKey(), storage.secretKey());
        db = Database.connect(app.database, 2);
    }

    @Test
    void a_phone_photo_is_stored_upright_in_every_size_without_its_location() throws Exception {
        var user = app.newUser();
        UUID aide = newAide(user);

        var response = upload(user, aide, "IMG_2041.JPG", "image/jpeg", TestImages.jpegWithExif(3000, 1500, 6));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode image = JSON.readTree(response.body());
        UUID id = UUID.fromString(image.get("id").asString());
        // Turned upright, then the longer side brought down to 2400.
        assertThat(image.get("width").asInt()).isEqualTo(1200);
        assertThat(image.get("height").asInt()).isEqualTo(2400);
        String prefix = "users/" + user.id() + "/aides/" + aide + "/images/" + id + "/";
        assertThat(bucket.list(WORKSPACE, prefix)).containsExactly(prefix + "1200.jpg", prefix + "480.jpg", prefix + "960.jpg");
        for (String key : bucket.list(WORKSPACE, prefix)) {
            ImageProcessorTest.assertNoMetadata(bucket.get(WORKSPACE, key).orElseThrow().bytes());
        }

        var served = app.send(HttpRequest.newBuilder(app.base.resolve("/aides/" + aide + "/images/" + id + "/480.jpg")),
                "Cookie", user.cookie());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private");
        assertThat(app.get("/account", "Cookie", user.cookie()).body()).containsPattern("[0-9.]+ MB of 100 MB used by photos\\.");
        var bytes = getBytes("/aides/" + aide + "/images/" + id + "/480.jpg", user);
        assertThat(ImageIO.read(new ByteArrayInputStream(bytes)).getWidth()).isEqualTo(480);
    }

    @Test
    void another_user_reaches_none_of_the_photos_and_cannot_upload_to_the_aide() {
        var owner = app.newUser();
        var stranger = app.newUser();
        UUID aide = newAide(owner);
        String id = JSON.readTree(upload(owner, aide, "a.png", "image/png", TestImages.png(600, 400, false)).body()).get("id").asString();

        assertThat(app.get("/aides/" + aide + "/images/" + id + "/480.jpg", "Cookie", stranger.cookie()).statusCode()).isEqualTo(404);
        assertThat(app.getJson("/aides/" + aide + "/images", stranger).statusCode()).isEqualTo(404);
        assertThat(upload(stranger, aide, "b.png", "image/png", TestImages.png(600, 400, false)).statusCode()).isEqualTo(404);
        assertThat(app.postJson("/aides/" + aide + "/images/" + id + "/delete", "", stranger).statusCode()).isEqualTo(404);
        assertThat(app.get("/aides/" + aide + "/images/" + id + "/480.jpg").statusCode()).isIn(303, 401);
        assertThat(bucket.list(WORKSPACE, "users/" + stranger.id() + "/")).isEmpty();
        assertThat(app.get("/aides/" + aide + "/images/" + id + "/480.jpg", "Cookie", owner.cookie()).statusCode()).isEqualTo(200);
    }

    @Test
    void hostile_files_get_a_plain_message_and_nothing_is_stored() {
        var user = app.newUser();
        UUID aide = newAide(user);
        byte[] jpeg = TestImages.jpeg(800, 600);
        expectRefused(user, aide, "notes.jpg", "image/jpeg", "Remember the ice".getBytes(StandardCharsets.UTF_8), 415, "isn't a picture");
        expectRefused(user, aide, "x.svg", "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8), 415, "isn't a picture");
        expectRefused(user, aide, "x.gif", "image/gif",
                "GIF89a<html><body onload=alert(1)></body></html>".getBytes(StandardCharsets.UTF_8), 422, "damaged");
        expectRefused(user, aide, "bomb.png", "image/png", TestImages.pngBomb(50_000, 50_000), 422, "too large");
        expectRefused(user, aide, "half.jpg", "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2), 422, "damaged");
        byte[] huge = new byte[ImageProcessor.MAX_BYTES + 1];
        System.arraycopy(jpeg, 0, huge, 0, jpeg.length);
        expectRefused(user, aide, "huge.jpg", "image/jpeg", huge, 413, "10 MB");
        assertThat(bucket.list(WORKSPACE, "users/" + user.id() + "/")).isEmpty();
        assertThat(rows(user)).isZero();
    }

    @Test
    void a_request_without_a_file_is_told_to_choose_one() {
        var user = app.newUser();
        UUID aide = newAide(user);
        var request = new Multipart().file("other", "a.png", "image/png", TestImages.png(10, 10, false));
        var response = app.send(HttpRequest.newBuilder(app.base.resolve("/aides/" + aide + "/images"))
                .header("Content-Type", request.contentType()).header("Accept", "application/json")
                .header("Origin", app.origin()).header("Cookie", user.cookie()).POST(request.publisher()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").asString()).isEqualTo("Choose a photo to upload.");
    }

    @Test
    void the_free_plan_stops_at_100_mb_of_photos_and_says_what_to_do() throws Exception {
        var user = app.newUser();
        UUID aide = newAide(user);
        // Someone who has already stored just under 100 MB (written as the database owner: no test uploads 100 MB).
        try (var connection = db.dataSource().getConnection(); var insert = connection.prepareStatement(
                "insert into images (aide_id, user_id, width, height, bytes, variants) values (?, ?, 10, 10, ?, '[]')")) {
            insert.setObject(1, aide);
            insert.setObject(2, user.id());
            insert.setLong(3, ImageService.FREE_QUOTA_BYTES - 1000);
            insert.executeUpdate();
        }

        expectRefused(user, aide, "a.png", "image/png", TestImages.png(900, 600, false), 409, "100 MB");
        assertThat(bucket.list(WORKSPACE, "users/" + user.id() + "/")).isEmpty();
        assertThat(rows(user)).isEqualTo(1);
    }

    @Test
    void deleting_a_photo_or_its_aide_removes_its_objects() {
        var user = app.newUser();
        UUID aide = newAide(user);
        String first = JSON.readTree(upload(user, aide, "a.png", "image/png", TestImages.png(600, 400, false)).body()).get("id").asString();
        JSON.readTree(upload(user, aide, "b.png", "image/png", TestImages.png(600, 400, false)).body()).get("id").asString();
        String aidePrefix = "users/" + user.id() + "/aides/" + aide + "/";
        assertThat(bucket.list(WORKSPACE, aidePrefix)).hasSize(4);

        assertThat(app.postJson("/aides/" + aide + "/images/" + first + "/delete", "", user).statusCode()).isEqualTo(204);
        assertThat(bucket.list(WORKSPACE, aidePrefix)).hasSize(2);
        assertThat(app.get("/aides/" + aide + "/images/" + first + "/480.jpg", "Cookie", user.cookie()).statusCode()).isEqualTo(404);

        assertThat(app.postJson("/aides/" + aide + "/delete", "", user).statusCode()).isEqualTo(204);
        assertThat(bucket.list(WORKSPACE, aidePrefix)).isEmpty();
        assertThat(rows(user)).isZero();
    }

    @Test
    void a_published_page_shows_its_photo_from_copies_beside_it_with_sizes_and_alt_text() throws Exception {
        var user = app.newUser();
        UUID aide = newAide(user);
        String id = JSON.readTree(upload(user, aide, "kitchen.jpg", "image/jpeg", TestImages.jpegWithExif(2000, 1500, 1)).body())
                .get("id").asString();
        var edited = app.postJson("/aides/" + aide + "/events", """
                {"events":[
                  {"t":"entity.create","id":"page","display":"page","p":{"title":"Kitchen"}},
                  {"t":"entity.create","id":"before","parent":"page","display":"image","p":{"src":"upload:%s","alt":"The kitchen before <the> work"}}
                ]}""".formatted(id), user);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

        String editor = app.get("/aides/" + aide, "Cookie", user.cookie()).body();
        assertThat(editor).contains("src=\"/aides/" + aide + "/images/" + id + "/2000.jpg\"")
                .contains("/aides/" + aide + "/images/" + id + "/480.jpg 480w");

        var published = app.postJson("/aides/" + aide + "/publish", "", user);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        String url = JSON.readTree(published.body()).get("url").asString();
        String slug = url.substring(url.lastIndexOf('/') + 1);
        String page = app.get("/s/" + slug).body();
        var img = java.util.regex.Pattern.compile("<img (?:\"[^\"]*\"|[^>\"])*>").matcher(page);
        assertThat(img.find()).isTrue();
        String tag = img.group();
        assertThat(tag).contains("width=\"2000\"").contains("height=\"1500\"").contains("loading=\"lazy\"")
                .contains("sizes=\"(min-width: 760px) 720px, 100vw\"").contains("alt=\"The kitchen before &lt;the> work\"")
                .contains(" 480w, ").contains(" 960w, ").contains(" 1600w, ").contains(" 2000w\"")
                .doesNotContain("/aides/");
        assertThat(page).contains("img-src 'self' https: data:");

        var keys = bucket.list("aide-published", slug + "/img/");
        assertThat(keys).hasSize(4).allMatch(k -> k.matches(slug + "/img/[0-9a-f]{64}\\.jpg"));
        for (String key : keys) {
            var blob = bucket.head("aide-published", key).orElseThrow();
            assertThat(blob.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
            assertThat(tag).contains(app.config.publicUrl() + "/s/" + key);
            ImageProcessorTest.assertNoMetadata(bucket.get("aide-published", key).orElseThrow().bytes());
        }
        String photoPath = "/s/" + keys.get(0);
        var served = app.get(photoPath);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    private void expectRefused(TestUser user, UUID aide, String name, String type, byte[] bytes, int status, String says) {
        var response = upload(user, aide, name, type, bytes);
        assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("message").asString()).contains(says);
    }

    private long rows(TestUser user) {
        return db.asUser(user.id(), h -> h.createQuery("select count(*) from images").mapTo(Long.class).one());
    }

    static HttpResponse<String> upload(TestUser user, UUID aide, String name, String type, byte[] bytes) {
        var body = new Multipart().file("file", name, type, bytes);
        return app.send(HttpRequest.newBuilder(app.base.resolve("/aides/" + aide + "/images"))
                .header("Content-Type", body.contentType())
                .header("Accept", "application/json")
                .header("Origin", app.origin())
                .header("Cookie", user.cookie())
                .POST(body.publisher()));
    }

    private static byte[] getBytes(String path, TestUser user) throws Exception {
        return app.http().send(HttpRequest.newBuilder(app.base.resolve(path)).header("Cookie", user.cookie()).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    static UUID newAide(TestUser user) {
        return newAideOn(app, user);
    }

    static UUID newAideOn(TestApp on, TestUser user) {
        return UUID.fromString(JSON.readTree(on.postJson("/aides", "", user).body()).get("id").asString());
    }
}
