package com.toaide.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.toaide.testing.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database refuses what the app would never write, even on the user path: a row can point
 * only at its own owner's aide, and a user's transaction can update only the columns the app
 * updates (docs/security.md).
 */
class OwnerBoundRowsTest {
    @AutoClose static Database db;
    static UUID alice;
    static UUID aliceAide;
    static UUID aliceTurn;
    static UUID bob;
    static UUID bobAide;

    @BeforeAll
    static void seed() {
        db = Database.connect(TestPostgres.freshDatabase(), 1);
        alice = RowLevelSecurityTest.seedUser(db, "alice@example.com");
        bob = RowLevelSecurityTest.seedUser(db, "bob@example.com");
        aliceAide = db.asUser(alice, h -> h.createQuery("select id from aides").mapTo(UUID.class).one());
        aliceTurn = db.asUser(alice, h -> h.createQuery("select id from turns").mapTo(UUID.class).one());
        bobAide = db.asUser(bob, h -> h.createQuery("select id from aides").mapTo(UUID.class).one());
        db.asUser(bob, h -> h.execute("insert into slugs (slug, user_id) values ('planted', app_user_id())"));
    }

    /** Each child table, and a row in Bob's own name that points at Alice's aide (:aide). */
    static List<String> rowsOnAnotherUsersAide() {
        return List.of(
                "insert into aide_events (aide_id, seq, user_id, batch, actor, source, ts, event) values (:aide, 2, app_user_id(), 'b', 'ai', 'ai', now(), '{}'::jsonb)",
                "insert into conversations (aide_id, user_id, role, text) values (:aide, app_user_id(), 'user', 'planted')",
                "insert into turns (aide_id, user_id, status) values (:aide, app_user_id(), 'running')",
                "insert into published_versions (aide_id, version, user_id, slug, object_key, size_bytes) values (:aide, 2, app_user_id(), 'planted', 'k', 1)",
                "insert into images (aide_id, user_id, width, height, bytes, variants) values (:aide, app_user_id(), 1, 1, 1, '[]'::jsonb)");
    }

    @ParameterizedTest
    @MethodSource("rowsOnAnotherUsersAide")
    void a_user_cannot_add_rows_to_another_users_aide_under_their_own_name(String insert) {
        assertThatThrownBy(() -> db.asUser(bob, h -> h.createUpdate(insert).bind("aide", aliceAide).execute()))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23503"));
        // The same row on Bob's own aide is fine: the refusal is about whose aide it is.
        int added = db.asUser(bob, h -> h.createUpdate(insert).bind("aide", bobAide).execute());
        assertThat(added).isEqualTo(1);
    }

    @Test
    void a_conversation_line_cannot_name_another_users_turn() {
        assertThatThrownBy(() -> db.asUser(bob, h -> h.execute(
                "insert into conversations (aide_id, user_id, turn_id, role, text) values (?, app_user_id(), ?, 'voice', 'planted')",
                bobAide, aliceTurn)))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23503"));
    }

    /** What the user path might try on rows it can see: each must be refused outright. */
    static List<String> updatesTheAppNeverMakes() {
        return List.of(
                "update users set is_admin = true",
                "update users set tier = 'pro'",
                "update users set email = 'someone-else@example.com'",
                "update users set stripe_customer_id = 'cus_x', subscription_status = 'active'",
                "update users set limited_until = null",
                "update users set created_at = now()",
                "update aides set user_id = user_id",
                "update aides set id = gen_random_uuid()",
                "update aides set created_at = now()",
                "update turns set aide_id = aide_id",
                "update turns set user_id = user_id",
                "update turns set started_at = now()",
                "update sessions set user_id = user_id",
                "update aide_events set event = '{}'::jsonb",
                "update conversations set text = 'rewritten'",
                "update published_versions set object_key = 'elsewhere'",
                "update images set bytes = 1",
                "delete from sessions",
                "delete from conversations",
                "delete from aide_events",
                "update slugs set user_id = gen_random_uuid()",
                "update slugs set slug = 'moved'",
                "delete from slugs");
    }

    @ParameterizedTest
    @MethodSource("updatesTheAppNeverMakes")
    void the_user_path_is_refused_what_the_app_never_writes(String sql) {
        assertThatThrownBy(() -> db.asUser(bob, h -> h.execute(sql)))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
    }

    @Test
    void a_revoked_session_stays_revoked() {
        UUID session = db.asUser(bob, h -> h.createQuery(
                "insert into sessions (user_id, expires_at) values (app_user_id(), now() + interval '1 day') returning id")
                .mapTo(UUID.class).one());
        db.asUser(bob, h -> h.execute("update sessions set revoked_at = now() where id = ?", session));
        assertThatThrownBy(() -> db.asUser(bob, h -> h.execute("update sessions set revoked_at = null where id = ?", session)))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23514"));
        assertThatThrownBy(() -> db.asSystem(h -> h.execute("update sessions set expires_at = now() + interval '1 year' where id = ?", session)))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23514"));
    }

    @Test
    void the_system_path_cannot_make_an_admin_either() {
        assertThatThrownBy(() -> db.asSystem(h -> h.execute("update users set is_admin = true")))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
    }

    /**
     * The audit: every column either role may update, table by table. A new grant must be added
     * here on purpose (and to docs/security.md).
     */
    @Test
    void the_updatable_columns_are_exactly_the_ones_the_app_updates() {
        assertThat(updatable("aide_app")).isEqualTo(Map.of(
                "users", List.of("turn_count", "turn_week_start"),
                "aides", List.of("auto_publish", "edit_answers", "live_from_version", "log_seq", "published_at", "published_seq",
                        "published_version", "slug", "state", "status", "title", "updated_at"),
                "turns", List.of("applied", "cache_read_tokens", "cache_write_tokens", "cost_usd", "ended_at", "error",
                        "first_change_ms", "input_tokens", "model", "output_tokens", "prompt_version", "rejected",
                        "status", "tier", "total_ms"),
                "sessions", List.of("expires_at", "last_seen_at", "revoked_at"),
                "slugs", List.of("last_version")));
        assertThat(updatable("aide_system").get("users")).containsExactly(
                "limited_until", "stripe_customer_id", "stripe_subscription_id", "subscription_status", "tier", "updated_at");
    }

    static Map<String, List<String>> updatable(String role) {
        var columns = new TreeMap<String, TreeSet<String>>();
        db.asSystem(h -> h.createQuery("""
                        select c.relname, a.attname
                          from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace
                          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                         where n.nspname = 'public' and c.relkind = 'r'
                           and has_column_privilege(:role, c.oid, a.attnum, 'UPDATE')
                        """).bind("role", role)
                .map((rs, ctx) -> columns.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2)))
                .list());
        var result = new TreeMap<String, List<String>>();
        columns.forEach((table, names) -> result.put(table, List.copyOf(names)));
        return result;
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
