package com.toaide.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.testing.TestClock;
import com.toaide.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionServiceTest {
    @AutoClose static Database db;
    static final String SECRET = "session-test-secret-that-is-long-enough";

    @BeforeAll
    static void connect() {
        db = Database.connect(TestPostgres.freshDatabase(), 2);
    }

    @Test
    void a_session_is_checked_on_every_use_but_renewed_at_most_once_a_day() {
        // The database decides expiry with now(), so the test clock starts at the real time.
        var clock = new TestClock(Instant.now());
        var sessions = new SessionService(db, SECRET, clock);
        var started = sessions.start(user());

        clock.advance(Duration.ofHours(3));
        var sameDay = sessions.resume(started.token()).orElseThrow();
        assertThat(sameDay.token()).as("no new cookie within a day").isNull();
        assertThat(sameDay.userId()).isEqualTo(started.userId());

        clock.advance(Duration.ofDays(2));
        var later = sessions.resume(started.token()).orElseThrow();
        assertThat(later.token()).as("renewed for another 30 days").isNotNull().isNotEqualTo(started.token());
        assertThat(sessions.resume(later.token())).isPresent();
    }

    @Test
    void a_revoked_or_forged_or_foreign_cookie_is_no_session() {
        var sessions = new SessionService(db, SECRET, java.time.Clock.systemUTC());
        var session = sessions.start(user());
        assertThat(new SessionService(db, "another-secret-that-is-also-long-enough", java.time.Clock.systemUTC())
                .resume(session.token())).isEmpty();
        assertThat(sessions.resume(session.token() + "x")).isEmpty();
        assertThat(sessions.resume("")).isEmpty();
        sessions.end(session);
        assertThat(sessions.resume(session.token())).isEmpty();
    }

    @Test
    void a_remembered_session_still_expires_and_a_tampered_cookie_is_not_taken_for_it() {
        var clock = new TestClock(Instant.now());
        var sessions = new SessionService(db, SECRET, clock);
        var session = sessions.start(user());
        assertThat(sessions.resume(session.token())).isPresent();
        String tampered = session.token().substring(0, session.token().length() - 2) + "xx";
        assertThat(sessions.resume(tampered)).isEmpty();

        clock.advance(SessionService.LIFETIME.plusMinutes(1));
        assertThat(sessions.resume(session.token())).isEmpty();
    }

    @Test
    void a_session_revoked_in_the_database_is_forgotten_when_the_revocation_is_announced() {
        var sessions = new SessionService(db, SECRET, java.time.Clock.systemUTC());
        var session = sessions.start(user());
        assertThat(sessions.resume(session.token())).isPresent();
        db.asUser(session.userId(), h -> h.createUpdate("update sessions set revoked_at = now() where id = :id")
                .bind("id", session.id()).execute());
        // Remembered until the revocation is announced (another instance ended it).
        assertThat(sessions.resume(session.token())).isPresent();
        sessions.onRevoked("session " + session.id());
        assertThat(sessions.resume(session.token())).isEmpty();
    }

    private static UUID user() {
        return db.asSystem(h -> h.createQuery("insert into users (email) values (:e) returning id")
                .bind("e", "s-" + UUID.randomUUID() + "@example.com").mapTo(UUID.class).one());
    }
}
