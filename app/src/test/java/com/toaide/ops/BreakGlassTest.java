package com.toaide.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.toaide.platform.db.Database;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admin break-glass: a reason first, an audit row always, the aide read-only. */
class BreakGlassTest {
    static final String REASON = "Support ticket 4411: the owner says the table is blank.";
    @AutoClose static TestApp app;
    @AutoClose static Database db;
    @AutoClose static FakeSlack slack;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        app = TestApp.start(TestPostgres.freshDatabase(), Map.of("SLACK_WEBHOOK", slack.url().toString()));
        db = Database.connect(app.database, 2);
    }

    static TestApp.TestUser admin() {
        var user = app.newUser();
        TestPostgres.asOperator(db, "update users set is_admin = true where id = ?", user.id());
        return user;
    }

    /** An aide of its own user, with a row whose name the admin should see. */
    static UUID aideOf(TestApp.TestUser owner, String name) {
        var created = app.postJson("/aides", "", owner);
        UUID aide = UUID.fromString(created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1"));
        var edit = app.postJson("/aides/" + aide + "/events", """
                {"events":[
                  {"t":"entity.create","id":"page","display":"page","p":{"title":"Poker Night"}},
                  {"t":"entity.create","id":"players","parent":"page","display":"table","p":{"title":"Players"}},
                  {"t":"entity.create","id":"p1","parent":"players","p":{"name":"%s","wins":4}}
                ]}""".formatted(name), owner);
        assertThat(edit.statusCode()).isEqualTo(200);
        return aide;
    }

    static long auditRows() {
        return db.asSystem(h -> h.createQuery("select count(*) from audit_log").mapTo(Long.class).one());
    }

    static java.net.http.HttpResponse<String> open(TestApp.TestUser who, UUID aide, String reason) {
        return app.postForm("/admin/aides/" + aide + "/open", Map.of("reason", reason), "Cookie", who.cookie());
    }

    @Test
    void every_access_is_posted_to_slack_with_ids_and_without_the_reason() {
        var owner = app.newUser();
        UUID aide = aideOf(owner, "Bartholomew");
        var admin = admin();
        int before = slack.bodies().size();

        assertThat(open(admin, aide, REASON).statusCode()).isEqualTo(200);

        assertThat(slack.bodies()).hasSize(before + 1);
        assertThat(slack.bodies().get(before)).contains("Break-glass", admin.id().toString(), aide.toString())
                .doesNotContain("4411").doesNotContain("Bartholomew");
        // A refused attempt (no reason) opens nothing and posts nothing.
        assertThat(open(admin, aide, "").statusCode()).isEqualTo(400);
        assertThat(slack.bodies()).hasSize(before + 1);
    }

    @Test
    void the_admin_page_does_not_exist_for_anyone_but_admins() {
        var user = app.newUser();
        assertThat(app.get("/admin", "Cookie", user.cookie()).statusCode()).isEqualTo(404);
        assertThat(app.get("/admin").statusCode()).isEqualTo(404);
        assertThat(app.get("/admin", "Cookie", admin().cookie()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_non_admin_cannot_open_an_aide_and_nothing_is_recorded() {
        var owner = app.newUser();
        UUID aide = aideOf(owner, "Wilhelmina");
        long before = auditRows();

        var response = open(app.newUser(), aide, REASON);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Wilhelmina");
        assertThat(auditRows()).isEqualTo(before);
    }

    @Test
    void a_reason_too_short_or_too_long_is_refused_and_nothing_is_shown() {
        var admin = admin();
        UUID aide = aideOf(app.newUser(), "Bartholomew");
        long before = auditRows();

        for (String reason : new String[] {"", "too short", "x".repeat(501)}) {
            var response = open(admin, aide, reason);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("10 to 500 characters").doesNotContain("Bartholomew");
        }
        assertThat(auditRows()).isEqualTo(before);
    }

    @Test
    void every_access_writes_an_audit_row_and_shows_the_aide_read_only() {
        var admin = admin();
        var owner = app.newUser();
        UUID aide = aideOf(owner, "Genevieve");
        long before = auditRows();

        var first = open(admin, aide, REASON);
        var second = open(admin, aide, "Second look, same ticket 4411, after the fix.");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Genevieve").contains("read-only")
                .doesNotContain("data-entity").doesNotContain("<form method=\"post\" action=\"/aides");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(auditRows()).isEqualTo(before + 2);
        var row = db.asSystem(h -> h.createQuery("""
                        select admin_id, owner_id, action, reason from audit_log where aide_id = :aide order by id limit 1
                        """).bind("aide", aide).mapToMap().one());
        assertThat(row).containsEntry("admin_id", admin.id()).containsEntry("owner_id", owner.id())
                .containsEntry("action", "open_aide").containsEntry("reason", REASON);
    }

    @Test
    void the_read_only_view_loads_no_image_from_another_host() {
        var admin = admin();
        UUID aide = aideOf(app.newUser(), "Remote Picture");

        var response = open(admin, aide, REASON);

        // The author picks image URLs; a remote one would tell its host the admin's address.
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("img-src 'self' data:").doesNotContain("https:").contains("frame-ancestors 'none'");
    }

    @Test
    void the_admin_page_lists_the_audit_rows_newest_first() {
        var admin = admin();
        UUID aide = aideOf(app.newUser(), "Ottoline");
        open(admin, aide, "Older reason: checking a reported bug.");
        open(admin, aide, "Newer reason: confirming the bug is fixed.");

        String page = app.get("/admin", "Cookie", admin.cookie()).body();

        assertThat(page).contains("Older reason").contains("Newer reason");
        assertThat(page.indexOf("Newer reason")).isLessThan(page.indexOf("Older reason"));
        assertThat(page).doesNotContain("Ottoline");
    }

    @Test
    void opening_an_aide_that_does_not_exist_is_a_404_and_is_still_recorded() {
        var admin = admin();
        long before = auditRows();
        assertThat(open(admin, UUID.randomUUID(), REASON).statusCode()).isEqualTo(404);
        assertThat(auditRows()).isEqualTo(before + 1);
    }

    @Test
    void the_admin_form_asks_for_a_reason_once_an_aide_is_named() {
        var admin = admin();
        UUID aide = UUID.randomUUID();
        String page = app.get("/admin?aide=" + aide, "Cookie", admin.cookie()).body();
        assertThat(page).contains("action=\"/admin/aides/" + aide + "/open\"").contains("name=\"reason\"");
    }

    @Test
    void audit_rows_cannot_be_updated_or_deleted() {
        var admin = admin();
        open(admin, aideOf(app.newUser(), "Cornelius"), REASON);

        // The system path has no grant to change it...
        assertThatThrownBy(() -> db.asSystem(h -> h.createUpdate("update audit_log set reason = 'rewritten history'").execute()))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.asSystem(h -> h.createUpdate("delete from audit_log").execute()))
                .hasMessageContaining("permission denied");
        // ...and even the owner is stopped by the trigger.
        for (String sql : new String[] {"update audit_log set reason = 'rewritten history'", "delete from audit_log"}) {
            assertThatThrownBy(() -> {
                try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }).hasMessageContaining("append-only");
        }
        assertThat(auditRows()).isPositive();
        // The user path cannot even read it.
        assertThatThrownBy(() -> db.asUser(admin.id(), h -> h.createQuery("select count(*) from audit_log").mapTo(Long.class).one()))
                .hasMessageContaining("permission denied");
    }
}
