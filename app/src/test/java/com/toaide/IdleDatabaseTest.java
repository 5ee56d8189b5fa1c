package com.toaide;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.auth.SignInFlow;
import com.toaide.platform.db.ConnectionSettings;
import com.toaide.platform.db.Database;
import com.toaide.platform.db.EmbeddedDatabase;
import com.toaide.testing.Eventually;
import com.toaide.testing.LiveSocket;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.net.URI;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idle means idle: after the last request the app sends the database nothing (Neon can then
 * scale to zero), its LISTEN connections let go, and the next request brings them back without
 * trusting anything a lost notice could have changed. The app runs through PgBouncer as in
 * production. Postgres shows when each of its connections to the database last started or
 * finished a statement or connected: none may move while the app is idle. (Its transaction
 * counters are no measure at this scale: a backend reports them up to ten seconds late, and
 * one that exits reports them then.)
 */
class IdleDatabaseTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration IDLE_AFTER = Duration.ofSeconds(2);

    @Test
    void an_app_nobody_uses_sends_the_database_nothing_and_wakes_on_the_next_request() throws Exception {
        var database = TestPostgres.freshDatabase();
        var secret = Map.of("JWT_SECRET", "one-idle-instance-one-busy-one-".repeat(2));
        try (var app = TestApp.startThroughPooler(database, secret, IDLE_AFTER);
             var db = Database.connect(database, 1)) {
            // A request keeps it busy (it would be idle two seconds after starting).
            app.get("/login");
            app.awaitListening();
            // Traffic that leaves work behind: a sign-in (limits counted), an aide edited with a tab open.
            new SignInFlow(app, db).requestLink(SignInFlow.newEmail("idle"), SignInFlow.newIp());
            var user = app.newUser();
            var created = app.postJson("/aides", "{}", user);
            UUID aide = UUID.fromString(JSON.readTree(created.body()).get("id").asString());
            try (var tab = LiveSocket.open(app, "/aides/" + aide + "/live", app.origin(), user.cookie())) {
                tab.next("page");
                assertThat(app.postJson("/aides/" + aide + "/events",
                        "{\"events\":[{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"Quiet\"}}]}", user)
                        .statusCode()).isEqualTo(200);
            }
            assertThat(app.getJson("/aides", user).statusCode()).isEqualTo(200);

            Eventually.within(Duration.ofSeconds(20), () -> assertThat(listenConnections(name(database))).isZero());
            // Quiet for twenty seconds in a row (20 per-second reloads, 4 scheduler ticks would each
            // have moved a connection); a tick begun while still busy may finish first.
            Eventually.within(Duration.ofSeconds(45), () -> assertThat(secondsSinceLastStatement(name(database)))
                    .as("seconds since any connection to the database last moved").isGreaterThanOrEqualTo(20));
            assertThat(app.app.listening()).isFalse();

            // While this instance slept, the user signed out on another: the next request here must not
            // trust the session it remembered, though the revocation notice never reached it.
            try (var other = TestApp.start(database, secret)) {
                assertThat(other.postForm("/logout", Map.of(), "Cookie", user.cookie()).statusCode()).isEqualTo(303);
            }
            assertThat(app.getJson("/aides", user).statusCode()).isEqualTo(401);
            app.awaitListening();
            assertThat(listenConnections(name(database))).isPositive();
        }
    }

    /** The app's LISTEN connections to the database (their last statement was the LISTEN). */
    private static long listenConnections(String database) {
        return count("select count(*) from pg_stat_activity where datname = ? and query like 'LISTEN %'", database);
    }

    /** Since a connection to the database last began or ended a statement, or connected. */
    private static long secondsSinceLastStatement(String database) {
        return count("select coalesce(extract(epoch from now() - max(greatest(state_change, backend_start)))::bigint, 1000000)"
                + " from pg_stat_activity where datname = ?", database);
    }

    private static String name(ConnectionSettings database) {
        return URI.create(database.jdbcUrl().substring("jdbc:".length())).getPath().substring(1);
    }

    /** Asked from another database, so asking adds nothing to the count. */
    private static long count(String sql, String database) {
        try (var connection = DriverManager.getConnection(TestPostgres.server().settings("postgres").jdbcUrl(), EmbeddedDatabase.SUPERUSER, TestPostgres.server().settings("postgres").password());
             var query = connection.prepareStatement(sql)) {
            query.setString(1, database);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
