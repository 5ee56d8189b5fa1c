package com.toaide.platform.limits;

import com.toaide.testing.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.toaide.platform.db.Database;
import com.toaide.platform.db.DatabaseUnavailable;
import com.toaide.platform.db.EmbeddedDatabase;
import com.toaide.platform.db.Migrations;
import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestClock;
import com.toaide.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request counters kept in memory and added to the Postgres windows on each flush. */
class BufferedRateLimiterTest {
    static final RateLimiter.Limit TEN_PER_MINUTE = new RateLimiter.Limit("buffered", 10, Duration.ofMinutes(1));
    static final Instant TEN_PAST = Instant.parse("2026-02-12T09:10:05Z");

    @AutoClose static Database db;

    @BeforeAll
    static void connect() {
        db = Database.connect(TestPostgres.freshDatabase(), 4);
    }

    static int stored(String key) {
        return db.asSystem(h -> h.createQuery("select coalesce(sum(count), 0) from rate_limits where key = :key")
                .bind("key", key).mapTo(Integer.class).one());
    }

    @Test
    void one_instance_counts_every_hit_without_waiting_for_a_flush() {
        var limiter = new BufferedRateLimiter(db, new TestClock(TEN_PAST));
        var hits = IntStream.range(0, 11).mapToObj(i -> limiter.hit(TEN_PER_MINUTE, "alone")).toList();
        assertThat(hits).extracting(RateLimiter.Hit::count).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(hits.get(9).allowed()).isTrue();
        assertThat(hits.get(10).allowed()).isFalse();
        assertThat(hits.get(10).retryAfterSeconds()).isEqualTo(55);
        assertThat(stored("buffered:alone")).isZero();

        limiter.flush();
        assertThat(stored("buffered:alone")).isEqualTo(11);
        limiter.flush();
        assertThat(stored("buffered:alone")).isEqualTo(11);
        assertThat(limiter.hit(TEN_PER_MINUTE, "alone").count()).isEqualTo(12);
    }

    @Test
    void two_instances_see_each_others_hits_after_a_flush() {
        var clock = new TestClock(TEN_PAST);
        var first = new BufferedRateLimiter(db, clock);
        var second = new BufferedRateLimiter(db, clock);
        for (int i = 0; i < 6; i++) {
            first.hit(TEN_PER_MINUTE, "shared");
        }
        first.flush();
        for (int i = 0; i < 4; i++) {
            second.hit(TEN_PER_MINUTE, "shared");
        }
        second.flush();
        assertThat(stored("buffered:shared")).isEqualTo(10);

        // The second knows all ten; the first learns them with its next flush of a hit.
        assertThat(second.hit(TEN_PER_MINUTE, "shared").allowed()).isFalse();
        assertThat(first.hit(TEN_PER_MINUTE, "shared").count()).isEqualTo(7);
        first.flush();
        assertThat(stored("buffered:shared")).isEqualTo(11);
        var afterFlush = first.hit(TEN_PER_MINUTE, "shared");
        assertThat(afterFlush.count()).isEqualTo(12);
        assertThat(afterFlush.allowed()).isFalse();
    }

    @Test
    void a_new_window_starts_from_zero_and_ended_windows_are_flushed_then_dropped() {
        var clock = new TestClock(TEN_PAST);
        var limiter = new BufferedRateLimiter(db, clock);
        for (int i = 0; i < 11; i++) {
            limiter.hit(TEN_PER_MINUTE, "rollover");
        }
        clock.advance(Duration.ofMinutes(1));
        var next = limiter.hit(TEN_PER_MINUTE, "rollover");
        assertThat(next.count()).isEqualTo(1);
        assertThat(next.allowed()).isTrue();
        limiter.flush();
        assertThat(stored("buffered:rollover")).isEqualTo(12);
    }

    @Test
    void rotating_subjects_cannot_grow_memory_past_the_cap_even_with_nothing_flushed() {
        var limiter = new BufferedRateLimiter(db, new TestClock(TEN_PAST));
        // Never flushed, as while the database is down: nothing leaves by itself.
        for (int i = 0; i < BufferedRateLimiter.MAX_WINDOWS + 5_000; i++) {
            limiter.hit(TEN_PER_MINUTE, "rotating-" + i);
        }
        assertThat(limiter.windowsHeld()).isEqualTo(BufferedRateLimiter.MAX_WINDOWS + 1);
        // Past the cap, new subjects share one window and are limited together.
        assertThat(limiter.hit(TEN_PER_MINUTE, "one-more").allowed()).isFalse();
        // A subject seen before the cap keeps its own count.
        assertThat(limiter.hit(TEN_PER_MINUTE, "rotating-0").count()).isEqualTo(2);
    }

    @Test
    void hits_counted_while_the_database_is_away_go_with_the_next_flush() throws Exception {
        Path dataDir = TestFiles.directory("aide-counters-pg");
        int port = TestApp.freePort();
        var postgres = EmbeddedDatabase.start(dataDir, port, false);
        Migrations.run(postgres.settings("postgres"));
        try (var away = Database.connect(postgres.settings("postgres"), 2)) {
            var limiter = new BufferedRateLimiter(away, new TestClock(TEN_PAST));
            limiter.hit(TEN_PER_MINUTE, "later");
            limiter.flush();
            limiter.hit(TEN_PER_MINUTE, "later");

            postgres.close();
            assertThatThrownBy(limiter::flush).isInstanceOf(DatabaseUnavailable.class);
            assertThat(limiter.hit(TEN_PER_MINUTE, "later").count()).isEqualTo(3);

            postgres = EmbeddedDatabase.start(dataDir, port, false);
            Eventually.within(Duration.ofSeconds(20), limiter::flush);
            int stored = away.asSystem(h -> h.createQuery("select count from rate_limits where key = 'buffered:later'")
                    .mapTo(Integer.class).one());
            assertThat(stored).isEqualTo(3);
        } finally {
            postgres.close();
        }
    }

    @Test
    void a_flush_commits_without_waiting_for_the_disk_and_the_next_transaction_on_its_connection_waits_again() {
        // One connection, so the flush and the transactions after it share it; the database's
        // default made the durable one (test databases otherwise commit without waiting).
        var settings = TestPostgres.freshDatabase();
        String name = settings.jdbcUrl().replaceAll("^.*/([^/?]+).*$", "$1");
        TestPostgres.execute("postgres", "alter database " + name + " set synchronous_commit = on");
        try (var single = Database.connect(settings, 1)) {
            assertThat(synchronousCommit(single)).isEqualTo("on");

            String during = single.asSystem(h -> {
                new RateLimiterDao(h).add(new String[] {"buffered:relaxed"}, new Long[] {TEN_PAST.getEpochSecond()},
                        new Integer[] {1});
                return h.createQuery("select current_setting('synchronous_commit')").mapTo(String.class).one();
            });

            assertThat(during).isEqualTo("off");
            assertThat(synchronousCommit(single)).isEqualTo("on");
            String asUser = single.asUser(UUID.randomUUID(), h -> h.createQuery("select current_setting('synchronous_commit')")
                    .mapTo(String.class).one());
            assertThat(asUser).isEqualTo("on");
        }
    }

    static String synchronousCommit(Database db) {
        return db.asSystem(h -> h.createQuery("select current_setting('synchronous_commit')").mapTo(String.class).one());
    }
}
