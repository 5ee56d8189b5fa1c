package com.toaide.publish;

import com.toaide.platform.db.Database;
import com.toaide.platform.storage.S3BlobStore;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestApp.TestUser;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for publishing tests: aides with content, plans, voice lines, the bucket as CDN sees it. */
final class PublishedFixtures implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BUCKET = "aide-published";
    /** Billing on (the plan is read from the users row), pointed at a port where nothing listens: no test here pays. */
    static final java.util.Map<String, String> BILLING_ON = java.util.Map.of(
            "STRIPE_SECRET_KEY", "sk_test_unused", "STRIPE_WEBHOOK_SECRET", "whsec_unused",
            "STRIPE_PRICE_ID", "price_unused", "STRIPE_API_BASE", "http://127.0.0.1:9");

    final TestApp app;
    final Database db;
    final S3BlobStore bucket;

    /** Fixtures for {@code app}, reading its bucket on the storage it writes to. */
    PublishedFixtures(TestApp app) {
        this.app = app;
        this.db = Database.connect(app.database, 2);
        this.bucket = S3BlobStore.connect(app.storage.endpoint(), app.storage.accessKey(), app.storage.secretKey());
    }

    UUID aide(TestUser user, String title) {
        String id = json(app.postJson("/aides", "", user).body()).get("id").asString();
        var response = app.postJson("/aides/" + id + "/events", """
                {"events":[
                  {"t":"entity.create","id":"page","display":"page","p":{"title":"%s"}},
                  {"t":"entity.create","id":"players","parent":"page","display":"table","p":{"title":"Players"}},
                  {"t":"entity.create","id":"dave","parent":"players","p":{"name":"Dave","wins":4}},
                  {"t":"entity.create","id":"mike","parent":"players","p":{"name":"Mike","wins":2}}
                ]}""".formatted(title), user);
        if (response.statusCode() != 200) {
            throw new AssertionError(response.body());
        }
        return UUID.fromString(id);
    }

    void retitle(TestUser user, UUID aide, String title) {
        var response = app.postJson("/aides/" + aide + "/events",
                "{\"events\":[{\"t\":\"entity.update\",\"ref\":\"page\",\"p\":{\"title\":\"" + title + "\"}}]}", user);
        if (response.statusCode() != 200) {
            throw new AssertionError(response.body());
        }
    }

    void makePro(TestUser user) {
        db.asSystem(h -> h.createUpdate("update users set tier = 'pro' where id = :id").bind("id", user.id()).execute());
    }

    void edit(TestUser user, UUID aide, String event) {
        var response = app.postJson("/aides/" + aide + "/events", "{\"events\":[" + event + "]}", user);
        if (response.statusCode() != 200) {
            throw new AssertionError(response.body());
        }
    }

    /** The draft's page title. */
    String title(TestUser user, UUID aide) {
        return json(app.getJson("/aides/" + aide + "/snapshot", user).body()).path("snapshot").path("entities").path("page").path("props").path("title").asString();
    }

    JsonNode publish(TestUser user, UUID aide, String body) {
        var response = app.postJson("/aides/" + aide + "/publish", body, user);
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    static String slugOf(JsonNode published) {
        String url = published.get("url").asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    @Override
    public void close() {
        bucket.close();
        db.close();
    }
}
