package com.toaide.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cleanup job deletes what has outlived its grace period, and nothing else. */
class CleanupTest {
    @AutoClose static Database db;

    @BeforeAll
    static void connect() {
        db = Database.connect(TestPostgres.freshDatabase(), 2);
    }

    static Instant ago(Duration duration) {
        return Instant.now().minus(duration);
    }

    static void magicLink(String email, Instant expiresAt) {
        db.asSystem(h -> h.createUpdate("""
                        insert into magic_links (email, token_hash, expires_at)
                        values (:email, sha256(convert_to(gen_random_uuid()::text, 'UTF8')), :expires)
                        """).bind("email", email).bind("expires", expiresAt).execute());
    }

    static UUID session(UUID user, Instant expiresAt, Instant revokedAt) {
        return db.asSystem(h -> h.createQuery("""
                        insert into sessions (user_id, expires_at, revoked_at) values (:user, :expires, :revoked) returning id
                        """).bind("user", user).bind("expires", expiresAt).bind("revoked", revokedAt).mapTo(UUID.class).one());
    }

    static void window(String key, Instant start) {
        db.asSystem(h -> h.createUpdate("insert into rate_limits (key, window_start, count) values (:k, :w, 1)")
                .bind("k", key).bind("w", start).execute());
    }

    @Test
    void expired_links_ended_sessions_and_old_windows_are_deleted_after_their_grace() {
        UUID user = db.asSystem(h -> h.createQuery("insert into users (email) values ('cleanup@example.com') returning id")
                .mapTo(UUID.class).one());
        magicLink("old@example.com", ago(Duration.ofDays(2)));
        magicLink("recent@example.com", ago(Duration.ofHours(1)));
        magicLink("live@example.com", Instant.now().plus(Duration.ofMinutes(10)));
        session(user, ago(Duration.ofDays(8)), null);
        session(user, Instant.now().plus(Duration.ofDays(20)), ago(Duration.ofDays(8)));
        UUID recentlyRevoked = session(user, Instant.now().plus(Duration.ofDays(20)), ago(Duration.ofHours(1)));
        UUID live = session(user, Instant.now().plus(Duration.ofDays(20)), null);
        window("old:subject", ago(Duration.ofDays(2)));
        window("current:subject", ago(Duration.ofMinutes(1)));

        var deleted = new Cleanup(db, Clock.systemUTC()).clean();

        assertThat(deleted).isEqualTo(new Cleanup.Deleted(1, 2, 1));
        List<String> links = db.asSystem(h -> h.createQuery("select email from magic_links order by email").mapTo(String.class).list());
        List<UUID> sessions = db.asSystem(h -> h.createQuery("select id from sessions").mapTo(UUID.class).list());
        List<String> windows = db.asSystem(h -> h.createQuery("select key from rate_limits").mapTo(String.class).list());
        assertThat(links).isEqualTo(List.of("live@example.com", "recent@example.com"));
        assertThat(sessions).containsExactlyInAnyOrder(recentlyRevoked, live);
        assertThat(windows).containsExactly("current:subject");
    }

    @Test
    void cleanup_is_registered_as_a_job_of_its_own() {
        var cleanup = new Cleanup(db, Clock.systemUTC());
        assertThat(cleanup.name()).isEqualTo("cleanup");
        assertThat(cleanup.interval()).isPositive();
    }
}
