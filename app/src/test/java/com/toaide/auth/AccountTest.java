package com.toaide.auth;

import static com.toaide.auth.SignInFlow.cookie;
import static com.toaide.auth.SignInFlow.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** /account over real HTTP: plan and turns, the export, deleting the account. */
class AccountTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @AutoClose static TestApp app;
    @AutoClose static Database db;
    static SignInFlow flow;

    @BeforeAll
    static void start() {
        // Billing on, so a Pro row reads as Pro (with billing off everyone is on Free). Nothing
        // here calls Stripe, so its API base points nowhere.
        app = TestApp.start(TestPostgres.freshDatabase(), Map.of("TRUSTED_PROXY", "true",
                "STRIPE_SECRET_KEY", "sk_test_unused", "STRIPE_WEBHOOK_SECRET", "whsec_unused",
                "STRIPE_PRICE_ID", "price_unused", "STRIPE_API_BASE", "http://127.0.0.1:9"));
        db = Database.connect(app.database, 2);
        flow = new SignInFlow(app, db);
    }

    @Test
    void a_new_account_shows_its_address_the_free_plan_and_a_week_not_yet_started() {
        String email = newEmail("fresh");
        String session = flow.signIn(email);

        var page = app.get("/account", cookie(session));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(email, "Free", "0 of 50 AI turns used this week; 50 left.", "A new week starts with your next turn.")
                .contains("href=\"/account/export\"", "action=\"/account/delete\"", "name=\"confirm_email\"")
                .doesNotContain("!</");

        JsonNode json = json(app.get("/account", "Accept", "application/json", "Cookie", SessionGuard.COOKIE + "=" + session).body());
        assertThat(json.properties()).extracting(Map.Entry::getKey)
                .containsExactly("email", "tier", "turns_used", "turns_limit", "week_resets_at");
        assertThat(json.get("email").stringValue()).isEqualTo(email);
        assertThat(json.get("tier").stringValue()).isEqualTo("free");
        assertThat(json.get("turns_used").intValue()).isZero();
        assertThat(json.get("turns_limit").intValue()).isEqualTo(50);
        assertThat(json.get("week_resets_at").isNull()).isTrue();
    }

    @Test
    void turns_this_week_count_until_seven_days_after_the_week_started() {
        String email = newEmail("busy");
        String session = flow.signIn(email);
        UUID user = flow.userId(email);
        db.asUser(user, h -> h.execute("update users set turn_count = 12, turn_week_start = now() - interval '2 days' where id = ?", user));
        Instant weekStart = db.asSystem(h -> h.createQuery("select turn_week_start from users where id = :u")
                .bind("u", user).mapTo(Instant.class).one());

        JsonNode json = json(app.get("/account", "Accept", "application/json", "Cookie", SessionGuard.COOKIE + "=" + session).body());
        assertThat(json.get("turns_used").intValue()).isEqualTo(12);
        assertThat(json.get("turns_limit").intValue()).isEqualTo(50);
        Instant resets = weekStart.plus(Duration.ofDays(7));
        assertThat(Instant.parse(json.get("week_resets_at").stringValue())).isEqualTo(resets);
        String shown = DateTimeFormatter.ofPattern("MMM d 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC).format(resets);
        assertThat(app.get("/account", cookie(session)).body())
                .contains("12 of 50 AI turns used this week; 38 left.", "The week resets " + shown + ".");

        db.asUser(user, h -> h.execute("update users set turn_week_start = now() - interval '8 days' where id = ?", user));
        JsonNode stale = json(app.get("/account", "Accept", "application/json", "Cookie", SessionGuard.COOKIE + "=" + session).body());
        assertThat(stale.get("turns_used").intValue()).isZero();
        assertThat(stale.get("week_resets_at").isNull()).isTrue();
    }

    @Test
    void a_pro_account_has_no_weekly_limit() {
        String email = newEmail("pro");
        String session = flow.signIn(email);
        TestPostgres.asOperator(db, "update users set tier = 'pro', turn_count = 70, turn_week_start = now() - interval '1 day' where email = ?", email);

        JsonNode json = json(app.get("/account", "Accept", "application/json", "Cookie", SessionGuard.COOKIE + "=" + session).body());
        assertThat(json.get("tier").stringValue()).isEqualTo("pro");
        assertThat(json.get("turns_used").intValue()).isEqualTo(70);
        assertThat(json.get("turns_limit").isNull()).isTrue();
        assertThat(app.get("/account", cookie(session)).body()).contains("Pro", "70 AI turns this week. Pro has no weekly limit.");
    }

    @Test
    void the_account_pages_need_a_session() {
        assertThat(app.get("/account").headers().firstValue("Location")).hasValue("/login");
        assertThat(app.get("/account", "Accept", "application/json").statusCode()).isEqualTo(401);
        assertThat(app.get("/account/export").headers().firstValue("Location")).hasValue("/login");
        assertThat(app.postForm("/account/delete", Map.of("confirm_email", "a@example.com")).statusCode()).isEqualTo(401);
    }

    @Test
    void the_export_holds_everything_the_user_owns_and_nothing_of_anyone_else() {
        String email = newEmail("owner");
        String session = flow.signIn(email);
        UUID owner = flow.userId(email);
        String other = newEmail("neighbour");
        flow.signIn(other);
        UUID neighbour = flow.userId(other);
        db.asSystem(h -> {
            h.execute("update users set stripe_customer_id = 'cus_OWNERSECRET', stripe_subscription_id = 'sub_OWNERSECRET' where id = ?", owner);
            seed(h, owner, "Thursday Poker");
            seed(h, neighbour, "Neighbour's Renovation");
            return null;
        });

        var response = app.get("/account/export", cookie(session));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"aide-export-").endsWith(".json\"");
        assertThat(response.body()).doesNotContain("OWNERSECRET", "stripe_", "Neighbour", neighbour.toString(), other);

        JsonNode export = json(response.body());
        assertThat(export.get("user").get("email").stringValue()).isEqualTo(email);
        assertThat(export.get("user").get("id").stringValue()).isEqualTo(owner.toString());
        assertThat(export.get("aides")).hasSize(1);
        assertThat(export.get("aides").get(0).get("title").stringValue()).isEqualTo("Thursday Poker");
        assertThat(export.get("aides").get(0).get("state").get("entities").get("page").get("display").stringValue()).isEqualTo("page");
        assertThat(export.get("events")).hasSize(2);
        assertThat(export.get("events").get(0).get("event").get("t").stringValue()).isEqualTo("entity.create");
        assertThat(export.get("conversations")).hasSize(1);
        assertThat(export.get("conversations").get(0).get("text").stringValue()).isEqualTo("Mike is out this week");
        assertThat(export.get("turns")).hasSize(1);
        assertThat(export.get("published_versions")).hasSize(1);
    }

    @Test
    void deleting_needs_the_address_typed_and_keeps_everything_when_it_does_not_match() {
        String email = newEmail("careful");
        String session = flow.signIn(email);

        var refused = app.postForm("/account/delete", Map.of("confirm_email", "someone-else@example.com"), cookie(session));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("did not match", "Nothing was deleted.");
        assertThat(app.get("/account", cookie(session)).statusCode()).isEqualTo(200);
        assertThat(app.postForm("/account/delete", Map.of(), cookie(session)).statusCode()).isEqualTo(400);
        assertThat(countUsers(email)).isEqualTo(1);
    }

    @Test
    void deleting_the_account_removes_the_user_and_their_data_and_the_cookie_stops_working() {
        String email = newEmail("gone");
        String session = flow.signIn(email);
        UUID user = flow.userId(email);
        String other = newEmail("stays");
        flow.signIn(other);
        UUID neighbour = flow.userId(other);
        db.asSystem(h -> {
            seed(h, user, "Graduation Party");
            seed(h, neighbour, "Group Trip");
            return null;
        });

        var deleted = app.postForm("/account/delete", Map.of("confirm_email", "  " + email.toUpperCase() + " "), cookie(session));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue("/");
        assertThat(deleted.headers().allValues("Set-Cookie")).last().asString().startsWith(SessionGuard.COOKIE + "=;");

        assertThat(countUsers(email)).isZero();
        for (String table : new String[] {"sessions", "aides", "aide_events", "conversations", "turns", "published_versions"}) {
            assertThat(countRows(table, user)).as(table).isZero();
            assertThat(countRows(table, neighbour)).as(table).isPositive();
        }
        var after = app.get("/aides", cookie(session));
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void the_signed_in_layout_offers_the_account_and_signing_out() {
        String session = flow.signIn(newEmail("nav"));
        assertThat(app.get("/account", cookie(session)).body())
                .contains("href=\"/aides\">Your pages", "href=\"/account\">Account", "action=\"/logout\"", ">Sign out</button>");
    }

    static void seed(Handle h, UUID user, String title) {
        UUID aide = h.createQuery("""
                        insert into aides (user_id, title, state)
                        values (:u, :title, '{"entities":{"page":{"display":"page"}}}'::jsonb) returning id
                        """).bind("u", user).bind("title", title).mapTo(UUID.class).one();
        for (int seq = 1; seq <= 2; seq++) {
            h.execute("insert into aide_events (aide_id, seq, user_id, batch, actor, source, ts, event) values (?, ?, ?, 'b1', 'u', 'edit', now(), '{\"t\":\"entity.create\"}'::jsonb)",
                    aide, seq, user);
        }
        h.execute("insert into conversations (aide_id, user_id, role, text) values (?, ?, 'user', ?)", aide, user,
                title.equals("Thursday Poker") ? "Mike is out this week" : "Note for " + title);
        h.execute("insert into turns (aide_id, user_id, status) values (?, ?, 'done')", aide, user);
        // A version needs its slug claimed by the owner (V011): that part runs as the user, as the app does.
        String slug = "slug-" + aide.toString().substring(0, 8);
        h.execute("select set_config('role', 'aide_app', true), set_config('app.user_id', ?, true)", user.toString());
        h.execute("insert into slugs (slug, user_id) values (?, app_user_id())", slug);
        h.execute("insert into published_versions (aide_id, version, user_id, slug, object_key, size_bytes) values (?, 1, ?, ?, 'k', 10)",
                aide, user, slug);
        h.execute("select set_config('role', 'aide_system', true), set_config('app.user_id', '', true)");
    }

    static long countUsers(String email) {
        return db.asSystem(h -> h.createQuery("select count(*) from users where email = :e").bind("e", email).mapTo(Long.class).one());
    }

    static long countRows(String table, UUID user) {
        return db.asSystem(h -> h.createQuery("select count(*) from " + table + " where user_id = :u").bind("u", user).mapTo(Long.class).one());
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
