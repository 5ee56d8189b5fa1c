package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.TestApp;
import com.toaide.testing.TestApp.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Archive and its Undo, the Archived list, pages never edited, and the free plan's limit on the dashboard, over HTTP. */
class ArchiveAndLimitsTest {
    @AutoClose static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    static UUID edited(TestUser user, String title) {
        return edited(user, title, app);
    }

    static UUID edited(TestUser user, String title, TestApp app) {
        UUID aide = EditApiTest.create(user, app);
        var response = app.postJson("/aides/" + aide + "/events",
                "{\"events\":[{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"" + title + "\"}},"
                        + "{\"t\":\"entity.create\",\"id\":\"note\",\"parent\":\"page\",\"display\":\"text\",\"p\":{\"text\":\"Hello\"}}]}",
                user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return aide;
    }

    static String dashboard(TestUser user) {
        var response = app.get("/aides", "Cookie", user.cookie());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static int post(TestUser user, String path) {
        return app.postForm(path, Map.of(), "Cookie", user.cookie()).statusCode();
    }

    @Test
    void new_page_twice_opens_the_same_empty_page_until_it_is_edited() {
        var user = app.newUser();
        UUID first = EditApiTest.create(user, app);
        assertThat(EditApiTest.create(user, app)).isEqualTo(first);
        var form = app.postForm("/aides", Map.of(), "Cookie", user.cookie());
        assertThat(form.headers().firstValue("Location")).hasValue("/aides/" + first);

        app.postJson("/aides/" + first + "/events", EditApiTest.PAGE, user);

        assertThat(EditApiTest.create(user, app)).isNotEqualTo(first);
    }

    @Test
    void a_page_never_edited_does_not_count_toward_the_free_plan() {
        var user = app.newUser();
        for (int i = 0; i < 4; i++) {
            edited(user, "Page " + i);
        }
        UUID empty = EditApiTest.create(user, app);

        assertThat(dashboard(user)).contains("New page").doesNotContain("data-limit");
        assertThat(EditApiTest.create(user, app)).isEqualTo(empty);
        app.postJson("/aides/" + empty + "/events", EditApiTest.PAGE, user);
        assertThat(app.postJson("/aides", "", user).statusCode()).isEqualTo(409);
    }

    @Test
    void at_the_limit_the_dashboard_says_why_and_what_to_do_instead_of_an_error_page() {
        var user = app.newUser();
        for (int i = 0; i < AideService.FREE_ACTIVE_AIDES; i++) {
            edited(user, "Page " + i);
        }
        String before = dashboard(user);
        assertThat(before).contains("data-limit").contains("all 5 are in use. Archive one to start another.")
                .doesNotContain("action=\"/aides\"");

        var json = app.postJson("/aides", "", user);
        assertThat(json.statusCode()).isEqualTo(409);
        assertThat(json.body()).contains("Archive one to start another");
        var form = app.postForm("/aides", Map.of(), "Cookie", user.cookie());
        assertThat(form.statusCode()).isEqualTo(303);
        assertThat(form.headers().firstValue("Location")).hasValue("/aides?full");
        String after = app.get("/aides?full", "Cookie", user.cookie()).body();
        assertThat(after).contains("Your pages").contains("role=\"alert\" data-limit").contains("Page 0")
                .doesNotContain("upgrade to Pro");
    }

    @Test
    void archiving_says_so_with_an_undo_and_frees_a_place() {
        var user = app.newUser();
        for (int i = 0; i < AideService.FREE_ACTIVE_AIDES - 1; i++) {
            edited(user, "Page " + i);
        }
        UUID league = edited(user, "Poker <League>");

        var archived = app.postForm("/aides/" + league + "/archive", Map.of(), "Cookie", user.cookie());
        assertThat(archived.statusCode()).isEqualTo(303);
        assertThat(archived.headers().firstValue("Location")).hasValue("/aides?archived=" + league);
        String page = app.get("/aides?archived=" + league, "Cookie", user.cookie()).body();
        assertThat(page).contains("“Poker &lt;League&gt;” is archived.")
                .contains("action=\"/aides/" + league + "/unarchive\"")
                .contains("<h2 id=\"archived-title\">Archived</h2>")
                .contains("New page").doesNotContain("data-limit");
        // Another user's id in the address shows nothing.
        assertThat(app.get("/aides?archived=" + league, "Cookie", app.newUser().cookie()).body()).doesNotContain("Poker");
        assertThat(app.postJson("/aides", "", user).statusCode()).isEqualTo(201);

        assertThat(post(user, "/aides/" + league + "/unarchive")).isEqualTo(303);
        assertThat(EditApiTest.JSON.readTree(app.getJson("/aides", user).body()).toString()).contains(league.toString());
        assertThat(post(user, "/aides/" + league + "/unarchive")).as("Undo twice").isEqualTo(303);
    }

    @Test
    void unarchive_at_the_limit_is_refused_on_the_dashboard() {
        var user = app.newUser();
        UUID old = edited(user, "Old league");
        post(user, "/aides/" + old + "/archive");
        for (int i = 0; i < AideService.FREE_ACTIVE_AIDES; i++) {
            edited(user, "Page " + i);
        }

        assertThat(app.postJson("/aides/" + old + "/unarchive", "", user).statusCode()).isEqualTo(409);
        var form = app.postForm("/aides/" + old + "/unarchive", Map.of(), "Cookie", user.cookie());
        assertThat(form.headers().firstValue("Location")).hasValue("/aides?full");
        assertThat(dashboard(user)).contains("Old league").contains("data-limit");
    }

    @Test
    void an_archived_page_can_be_deleted_from_the_archived_list() {
        var user = app.newUser();
        UUID aide = edited(user, "Gone soon");
        post(user, "/aides/" + aide + "/archive");
        assertThat(dashboard(user)).contains("action=\"/aides/" + aide + "/delete\"");

        assertThat(post(user, "/aides/" + aide + "/delete")).isEqualTo(303);

        assertThat(dashboard(user)).doesNotContain("Gone soon").doesNotContain("archived-title");
    }

    @Test
    void another_users_aide_cannot_be_unarchived() {
        var owner = app.newUser();
        UUID aide = edited(owner, "Mine");
        post(owner, "/aides/" + aide + "/archive");

        assertThat(app.postJson("/aides/" + aide + "/unarchive", "", app.newUser()).statusCode()).isEqualTo(404);
        assertThat(dashboard(owner)).contains("archived-title");
    }
}
