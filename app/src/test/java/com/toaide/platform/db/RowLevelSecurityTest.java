package com.toaide.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.toaide.testing.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data isolation (docs/security.md, "What the database refuses"): for every table, user B cannot read, update or delete user A's
 * rows, and a transaction with no user set sees nothing.
 */
class RowLevelSecurityTest {
    /** Tables holding one user's rows, and the column naming that user. */
    static final Map<String, String> USER_TABLES = Map.of(
            "users", "id",
            "sessions", "user_id",
            "aides", "user_id",
            "aide_events", "user_id",
            "aide_checkpoints", "user_id",
            "conversations", "user_id",
            "turns", "user_id",
            "published_versions", "user_id",
            "slugs", "user_id",
            "images", "user_id");

    /** Tables only the system path may touch. */
    static final List<String> SYSTEM_TABLES = List.of("magic_links", "stripe_events", "rate_limits", "audit_log", "outbox", "scheduled_runs");

    @AutoClose static Database db;
    static UUID alice;
    static UUID bob;

    @BeforeAll
    static void seed() {
        db = Database.connect(TestPostgres.freshDatabase(), 1);
        alice = seedUser(db, "alice@example.com");
        bob = seedUser(db, "bob@example.com");
        db.asSystem(h -> {
            h.execute("insert into magic_links (email, token_hash, expires_at) values ('alice@example.com', sha256('a'::bytea), now() + interval '15 minutes')");
            h.execute("insert into stripe_events (id, type) values ('evt_1', 'checkout.session.completed')");
            h.execute("insert into rate_limits (key, window_start, count) values ('login:email:alice@example.com', now(), 1)");
            h.execute("insert into audit_log (admin_id, aide_id, owner_id, action, reason) values (?, null, ?, 'open_aide', 'Support ticket 1234 asked for it')", bob, alice);
            h.execute("insert into outbox (recipient, subject, body) values ('alice@example.com', 'Sign in', 'link')");
            h.execute("insert into scheduled_runs (job, last_slot) values ('cleanup', 1)");
            return null;
        });
    }

    static UUID seedUser(Handle h, String email) {
        UUID user = h.createQuery("insert into users (email) values (:email) returning id").bind("email", email).mapTo(UUID.class).one();
        h.execute("insert into sessions (user_id, expires_at) values (?, now() + interval '30 days')", user);
        UUID aide = h.createQuery("insert into aides (user_id, title, state) values (:u, 'Poker', '{}'::jsonb) returning id")
                .bind("u", user).mapTo(UUID.class).one();
        h.execute("insert into aide_events (aide_id, seq, user_id, batch, actor, source, ts, event) values (?, 1, ?, 'b1', 'ai', 'ai', now(), '{}'::jsonb)", aide, user);
        h.execute("insert into aide_checkpoints (aide_id, seq, user_id, state, bookkeeping) values (?, 1, ?, '{}'::jsonb, '{}'::jsonb)", aide, user);
        h.execute("insert into conversations (aide_id, user_id, role, text) values (?, ?, 'user', 'Mike is out')", aide, user);
        h.execute("insert into turns (aide_id, user_id, status) values (?, ?, 'done')", aide, user);
        return user;
    }

    /** A user with a row in every user table: the system path creates the user, the user publishes. */
    static UUID seedUser(Database db, String email) {
        UUID user = db.asSystem(h -> seedUser(h, email));
        String slug = "slug-" + user.toString().substring(0, 8);
        db.asUser(user, h -> {
            h.execute("insert into slugs (slug, user_id) values (?, app_user_id())", slug);
            h.execute("insert into images (aide_id, user_id, width, height, bytes, variants)"
                    + " select id, user_id, 480, 320, 1000, '[]'::jsonb from aides");
            return h.execute("insert into published_versions (aide_id, version, user_id, slug, object_key, size_bytes) "
                    + "select id, 1, user_id, ?, 'k', 10 from aides", slug);
        });
        return user;
    }

    static List<String> userTables() {
        return List.copyOf(USER_TABLES.keySet());
    }

    @ParameterizedTest
    @MethodSource("userTables")
    void a_user_sees_their_own_rows_and_never_another_users(String table) {
        String owner = USER_TABLES.get(table);
        assertThat(count(bob, "select count(*) from " + table + " where " + owner + " = '" + alice + "'")).isZero();
        assertThat(count(bob, "select count(*) from " + table + " where " + owner + " <> '" + bob + "'")).isZero();
        assertThat(count(bob, "select count(*) from " + table)).isPositive();
    }

    @ParameterizedTest
    @MethodSource("userTables")
    void a_user_cannot_update_another_users_rows(String table) {
        String owner = USER_TABLES.get(table);
        assertThat(changed(bob, "update " + table + " set " + owner + " = " + owner + " where " + owner + " = '" + alice + "'")).isZero();
        assertThat(count(alice, "select count(*) from " + table)).isPositive();
    }

    @ParameterizedTest
    @MethodSource("userTables")
    void a_user_cannot_delete_another_users_rows(String table) {
        String owner = USER_TABLES.get(table);
        assertThat(changed(bob, "delete from " + table + " where " + owner + " = '" + alice + "'")).isZero();
        assertThat(count(alice, "select count(*) from " + table)).isPositive();
    }

    @Test
    void a_user_cannot_write_rows_in_another_users_name() {
        UUID aliceAide = db.asUser(alice, h -> h.createQuery("select id from aides").mapTo(UUID.class).one());
        assertThatThrownBy(() -> db.asUser(bob, h -> h.execute(
                "insert into aides (user_id, title, state) values (?, 'Mine now', '{}'::jsonb)", alice)))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
        assertThatThrownBy(() -> db.asUser(bob, h -> h.execute(
                "insert into aide_events (aide_id, seq, user_id, batch, actor, source, ts, event) values (?, 99, ?, 'b', 'ai', 'ai', now(), '{}'::jsonb)",
                aliceAide, alice)))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
        assertThatThrownBy(() -> db.asUser(bob, h -> h.execute("update users set id = ? where id = ?", alice, bob)))
                .satisfies(e -> assertThat(sqlState(e)).isIn("42501", "23505"));
    }

    @ParameterizedTest
    @MethodSource("userTables")
    void one_statement_alone_sees_only_its_users_rows_and_leaves_no_role_behind(String table) throws SQLException {
        String owner = USER_TABLES.get(table);
        assertThat(alone(bob, "select count(*) from " + table + " where " + owner + " = ?", alice)).isZero();
        assertThat(alone(bob, "select count(*) from " + table + " where " + owner + " <> ?", bob)).isZero();
        assertThat(alone(alice, "select count(*) from " + table + " where " + owner + " = ?", alice)).isPositive();
        // The pool has one connection: the role and the user ended with the statement's implicit transaction.
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select current_user, coalesce(current_setting('app.user_id', true), '')")) {
            rows.next();
            assertThat(rows.getString(1)).isNotEqualTo("aide_app");
            assertThat(rows.getString(2)).isEmpty();
        }
    }

    @Test
    void one_statement_alone_cannot_write_in_another_users_name_and_a_refusal_leaves_nothing() {
        long before = count(alice, "select count(*) from aides");
        assertThatThrownBy(() -> db.statementAsUser(bob,
                "insert into aides (user_id, title, state) values (?, 'Mine now', '{}'::jsonb) returning id",
                (statement, first) -> statement.setObject(first, alice), rows -> rows.next()))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
        boolean asAlice = db.statementAsUser(alice, "select current_user = 'aide_app' and app_user_id() = ?",
                (statement, first) -> statement.setObject(first, alice), rows -> rows.next() && rows.getBoolean(1));
        assertThat(asAlice).isTrue();
        assertThat(count(alice, "select count(*) from aides")).isEqualTo(before);
    }

    @Test
    void one_statement_alone_on_the_system_path_runs_as_the_system_role_with_no_user_and_leaves_neither_behind() {
        boolean asSystem = db.statementAsSystem("select current_user = 'aide_system' and current_setting('app.user_id') = ''",
                (statement, first) -> { }, rows -> rows.next() && rows.getBoolean(1));
        assertThat(asSystem).isTrue();
        boolean asAlice = db.statementAsUser(alice, "select current_user = 'aide_app' and app_user_id() = ?",
                (statement, first) -> statement.setObject(first, alice), rows -> rows.next() && rows.getBoolean(1));
        assertThat(asAlice).isTrue();
        // The system role set locally is gone once its statement committed.
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select current_user <> 'aide_system'")) {
            rows.next();
            assertThat(rows.getBoolean(1)).isTrue();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long alone(UUID user, String sql, UUID parameter) {
        return db.statementAsUser(user, sql, (statement, first) -> statement.setObject(first, parameter), rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    @ParameterizedTest
    @MethodSource("userTables")
    void with_no_user_set_the_app_role_sees_nothing(String table) throws SQLException {
        // The pool has one connection: the previous transaction set app.user_id locally on it,
        // so the setting now reads back as '' rather than NULL. Still nothing may show.
        count(alice, "select count(*) from " + table);
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local role aide_app");
            try (var rows = statement.executeQuery("select count(*) from " + table)) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
            connection.rollback();
        }
    }

    @ParameterizedTest
    @MethodSource("systemTables")
    void system_tables_are_closed_to_the_user_path(String table) {
        assertThatThrownBy(() -> count(alice, "select count(*) from " + table))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
        long rows = db.asSystem(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
        assertThat(rows).isPositive();
    }

    static List<String> systemTables() {
        return SYSTEM_TABLES;
    }

    @Test
    void the_audit_log_is_append_only_even_on_the_system_path() {
        assertThatThrownBy(() -> db.asSystem(h -> h.execute("update audit_log set reason = 'rewritten history here'")))
                .isInstanceOf(JdbiException.class);
        assertThatThrownBy(() -> db.asSystem(h -> h.execute("delete from audit_log")))
                .isInstanceOf(JdbiException.class);
    }

    @Test
    void every_table_has_row_level_security_enabled_and_forced() {
        List<Map<String, Object>> tables = db.asSystem(h -> h.createQuery("""
                select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
                """).mapToMap().list());
        assertThat(tables).extracting(t -> t.get("name"))
                .containsExactlyInAnyOrderElementsOf(concat(USER_TABLES.keySet(), SYSTEM_TABLES));
        assertThat(tables).allSatisfy(t -> {
            assertThat(t.get("enabled")).as("RLS enabled on %s", t.get("name")).isEqualTo(true);
            assertThat(t.get("forced")).as("RLS forced on %s", t.get("name")).isEqualTo(true);
        });
    }

    static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static long count(UUID user, String sql) {
        return db.asUser(user, h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Rows changed, or 0 when the role may not even try (permission denied is a refusal too). */
    static int changed(UUID user, String sql) {
        try {
            return db.asUser(user, h -> h.execute(sql));
        } catch (JdbiException e) {
            assertThat(sqlState(e)).isEqualTo("42501");
            return 0;
        }
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
