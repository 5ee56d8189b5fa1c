package com.toaide.publish;

import static com.toaide.publish.PublishedFixtures.json;
import static com.toaide.publish.PublishedFixtures.slugOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A published address means one thing for good: a slug once used is never given to anyone else,
 * and a version number under it is never used twice (docs/security.md).
 */
class SlugsForeverTest {
    @AutoClose static TestApp app;
    @AutoClose static PublishedFixtures fx;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestPostgres.freshDatabase(), PublishedFixtures.BILLING_ON);
        fx = new PublishedFixtures(app);
    }

    @Test
    void a_deleted_aides_slug_is_never_given_to_another_user() {
        var owner = app.newUser();
        var stranger = app.newUser();
        fx.makePro(owner);
        fx.makePro(stranger);
        String slug = "league-" + UUID.randomUUID().toString().substring(0, 8);
        UUID aide = fx.aide(owner, "The league");
        fx.publish(owner, aide, "{\"slug\":\"" + slug + "\"}");
        assertThat(app.postForm("/aides/" + aide + "/delete", Map.of(), "Cookie", owner.cookie()).statusCode()).isEqualTo(303);

        UUID imposter = fx.aide(stranger, "Something else");
        var taken = app.postJson("/aides/" + imposter + "/publish", "{\"slug\":\"" + slug + "\"}", stranger);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken.body()).get("message").asString()).contains("is taken");
        assertThat(app.get("/s/" + slug).statusCode()).isEqualTo(404);

        // Nor after the owner's whole account is gone.
        app.postForm("/account/delete", Map.of("confirm_email", owner.email()), "Cookie", owner.cookie());
        assertThat(app.postJson("/aides/" + imposter + "/publish", "{\"slug\":\"" + slug + "\"}", stranger).statusCode()).isEqualTo(409);
    }

    @Test
    void the_database_refuses_another_users_claim_even_without_the_app() {
        var owner = app.newUser();
        var stranger = app.newUser();
        String slug = slugOf(fx.publish(owner, fx.aide(owner, "Mine"), ""));
        UUID strangersAide = fx.aide(stranger, "Theirs");
        app.postForm("/account/delete", Map.of("confirm_email", owner.email()), "Cookie", owner.cookie());

        assertThatThrownBy(() -> fx.db.asUser(stranger.id(), h -> h.execute(
                "insert into slugs (slug, user_id) values (?, app_user_id())", slug)))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23505"));
        assertThatThrownBy(() -> fx.db.asUser(stranger.id(), h -> h.execute(
                "update aides set slug = ? where id = ?", slug, strangersAide)))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23503"));
    }

    @Test
    void version_numbers_continue_after_unpublishing_and_publishing_again() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Trip");
        fx.publish(user, aide, "");
        String slug = slugOf(fx.publish(user, aide, ""));
        app.postJson("/aides/" + aide + "/unpublish", "", user);
        fx.retitle(user, aide, "Trip, take two");

        var again = fx.publish(user, aide, "");
        assertThat(again.get("version").asInt()).isEqualTo(3);
        assertThat(app.get("/s/" + slug + "/v/3").body()).contains("Trip, take two");
        // /v/1 was served as immutable for a year: it never comes back with other bytes.
        assertThat(app.get("/s/" + slug + "/v/1").body()).doesNotContain("Trip, take two");
    }

    @Test
    void a_slug_its_owner_had_before_continues_its_numbering_on_a_new_aide() {
        var user = app.newUser();
        fx.makePro(user);
        String slug = "party-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = fx.aide(user, "Party");
        fx.publish(user, first, "{\"slug\":\"" + slug + "\"}");
        fx.publish(user, first, "");
        app.postForm("/aides/" + first + "/delete", Map.of(), "Cookie", user.cookie());

        UUID second = fx.aide(user, "Party again");
        var published = fx.publish(user, second, "{\"slug\":\"" + slug + "\"}");
        assertThat(published.get("version").asInt()).isEqualTo(3);
    }

    @Test
    void the_database_refuses_a_version_number_used_before_even_after_its_row_is_gone() {
        var user = app.newUser();
        UUID aide = fx.aide(user, "Numbers");
        String slug = slugOf(fx.publish(user, aide, ""));
        fx.db.asUser(user.id(), h -> h.execute("delete from published_versions where aide_id = ?", aide));

        assertThatThrownBy(() -> fx.db.asUser(user.id(), h -> h.execute(
                "insert into published_versions (aide_id, version, user_id, slug, object_key, size_bytes) values (?, 1, app_user_id(), ?, 'k', 1)",
                aide, slug)))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23505"));
        assertThatThrownBy(() -> fx.db.asUser(user.id(), h -> h.execute("update slugs set last_version = 0 where slug = ?", slug)))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23514"));
    }

    static String sqlState(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
