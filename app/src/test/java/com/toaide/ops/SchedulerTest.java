package com.toaide.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Activity;
import com.toaide.platform.db.Database;
import com.toaide.testing.Eventually;
import com.toaide.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two scheduler instances on one database, as two app instances would be. */
class SchedulerTest {
    static final Duration MINUTE = Duration.ofMinutes(1);
    @AutoClose static Database db;

    @BeforeAll
    static void connect() {
        db = Database.connect(TestPostgres.freshDatabase(), 6);
    }

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:30Z"));

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** An instance that always has someone to serve: jobs run whenever they are due. */
    static Activity awake(Clock clock) {
        return new Activity(clock, Duration.ofDays(3650));
    }

    @Test
    void an_idle_instance_runs_a_due_job_again_only_after_a_request_or_an_hour() {
        var clock = new HandClock();
        var activity = new Activity(clock, Duration.ofMinutes(2));
        var runs = new AtomicInteger();
        try (var scheduler = new Scheduler(db, clock, MINUTE, activity).register(Job.of("idle-aware", MINUTE, runs::incrementAndGet))) {
            assertThat(scheduler.tick()).containsEntry("idle-aware", Scheduler.Outcome.RAN);
            clock.advance(MINUTE);
            // Still within two minutes of the last request: busy.
            assertThat(scheduler.tick()).containsEntry("idle-aware", Scheduler.Outcome.RAN);
            clock.advance(Duration.ofMinutes(2));
            assertThat(scheduler.tick()).containsEntry("idle-aware", Scheduler.Outcome.IDLE);
            clock.advance(MINUTE);
            activity.touch();
            clock.advance(MINUTE);
            // Someone was served a minute ago: busy again.
            assertThat(scheduler.tick()).containsEntry("idle-aware", Scheduler.Outcome.RAN);
            clock.advance(Duration.ofMinutes(58));
            assertThat(scheduler.tick()).containsEntry("idle-aware", Scheduler.Outcome.IDLE);
            clock.advance(Duration.ofMinutes(2));
            // An hour after the last run, even with nobody to serve.
            assertThat(scheduler.tick()).containsEntry("idle-aware", Scheduler.Outcome.RAN);
            assertThat(runs).hasValue(4);
        }
    }

    @Test
    void two_instances_ticking_in_the_same_interval_run_the_job_once() {
        var clock = new HandClock();
        var runs = new AtomicInteger();
        var job = Job.of("count-once", MINUTE, runs::incrementAndGet);
        try (var a = new Scheduler(db, clock, MINUTE, awake(clock)).register(job);
             var b = new Scheduler(db, clock, MINUTE, awake(clock)).register(job)) {
            assertThat(a.tick()).containsEntry("count-once", Scheduler.Outcome.RAN);
            assertThat(b.tick()).containsEntry("count-once", Scheduler.Outcome.ALREADY_RAN);
            assertThat(a.tick()).containsEntry("count-once", Scheduler.Outcome.NOT_DUE);
            assertThat(runs).hasValue(1);

            clock.advance(MINUTE);
            assertThat(b.tick()).containsEntry("count-once", Scheduler.Outcome.RAN);
            assertThat(a.tick()).containsEntry("count-once", Scheduler.Outcome.ALREADY_RAN);
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void an_instance_skips_a_job_another_instance_is_running() throws Exception {
        var clock = new HandClock();
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var runs = new AtomicInteger();
        var job = Job.of("held-by-one", MINUTE, () -> {
            runs.incrementAndGet();
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        try (var a = new Scheduler(db, clock, MINUTE, awake(clock)).register(job);
             var b = new Scheduler(db, clock, MINUTE, awake(clock)).register(job)) {
            var first = CompletableFuture.supplyAsync(a::tick);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(b.tick()).containsEntry("held-by-one", Scheduler.Outcome.RUNNING_ELSEWHERE);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).containsEntry("held-by-one", Scheduler.Outcome.RAN);
            assertThat(runs).hasValue(1);
        }
    }

    @Test
    void a_failing_job_is_logged_and_the_others_still_run() {
        var clock = new HandClock();
        var runs = new AtomicInteger();
        try (var scheduler = new Scheduler(db, clock, MINUTE, awake(clock))
                .register(Job.of("always-fails", MINUTE, () -> {
                    throw new IllegalStateException("boom");
                }))
                .register(Job.of("after-the-failure", MINUTE, runs::incrementAndGet))) {
            var outcomes = scheduler.tick();
            assertThat(outcomes).containsEntry("always-fails", Scheduler.Outcome.FAILED)
                    .containsEntry("after-the-failure", Scheduler.Outcome.RAN);
            assertThat(runs).hasValue(1);
        }
    }

    @Test
    void a_failed_run_releases_its_slot_so_another_instance_may_retry_it() {
        var clock = new HandClock();
        var attempts = new AtomicInteger();
        var job = Job.of("fails-first", MINUTE, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
        });
        try (var a = new Scheduler(db, clock, MINUTE, awake(clock)).register(job);
             var b = new Scheduler(db, clock, MINUTE, awake(clock)).register(job)) {
            assertThat(a.tick()).containsEntry("fails-first", Scheduler.Outcome.FAILED);
            assertThat(b.tick()).containsEntry("fails-first", Scheduler.Outcome.RAN);
        }
    }

    @Test
    void the_started_loop_keeps_running_jobs_after_one_fails() {
        var runs = new AtomicInteger();
        var failures = new AtomicInteger();
        try (var scheduler = new Scheduler(db, Clock.systemUTC(), Duration.ofMillis(20), awake(Clock.systemUTC()))
                .register(Job.of("loop-fails", Duration.ofMillis(50), () -> {
                    failures.incrementAndGet();
                    throw new IllegalStateException("boom");
                }))
                .register(Job.of("loop-counts", Duration.ofMillis(50), runs::incrementAndGet))
                .start()) {
            Eventually.within(Duration.ofSeconds(20), () -> {
                assertThat(failures.get()).isGreaterThanOrEqualTo(3);
                assertThat(runs.get()).isGreaterThanOrEqualTo(3);
            });
        }
    }

    @Test
    void no_connection_sits_idle_in_transaction_while_a_job_runs() throws Exception {
        var clock = new HandClock();
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var job = Job.of("holds-nothing", MINUTE, () -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        try (var scheduler = new Scheduler(db, clock, MINUTE, awake(clock)).register(job)) {
            var run = CompletableFuture.supplyAsync(scheduler::tick);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            try {
                // This query's own transaction is the only one open on this database.
                var states = db.asSystem(h -> h.createQuery("""
                                select state from pg_stat_activity
                                where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
                                """).mapTo(String.class).list());
                assertThat(states).doesNotContain("idle in transaction", "idle in transaction (aborted)", "active");
                // The job is leased meanwhile, so the claim is not a mere absence of locking.
                var leased = db.asSystem(h -> h.createQuery("select lease_until > now() from scheduled_runs where job = 'holds-nothing'")
                        .mapTo(Boolean.class).one());
                assertThat(leased).isTrue();
            } finally {
                release.countDown();
            }
            assertThat(run.get(10, TimeUnit.SECONDS)).containsEntry("holds-nothing", Scheduler.Outcome.RAN);
            boolean released = db.asSystem(h -> h.createQuery("select lease_holder is null from scheduled_runs where job = 'holds-nothing'")
                    .mapTo(Boolean.class).one());
            assertThat(released).isTrue();
        }
    }

    @Test
    void a_lease_left_by_an_instance_that_died_expires_and_the_job_runs_again() {
        var clock = new HandClock();
        var runs = new AtomicInteger();
        db.asSystem(h -> h.execute("""
                insert into scheduled_runs (job, last_slot, lease_holder, lease_until)
                values ('orphaned-lease', -1, gen_random_uuid(), now() - interval '1 second')
                """));
        try (var scheduler = new Scheduler(db, clock, MINUTE, awake(clock)).register(Job.of("orphaned-lease", MINUTE, runs::incrementAndGet))) {
            assertThat(scheduler.tick()).containsEntry("orphaned-lease", Scheduler.Outcome.RAN);
            assertThat(runs).hasValue(1);
        }
    }

    @Test
    void a_lease_still_held_elsewhere_is_skipped() {
        var clock = new HandClock();
        var runs = new AtomicInteger();
        try (var scheduler = new Scheduler(db, clock, MINUTE, awake(clock)).register(Job.of("leased-elsewhere", MINUTE, runs::incrementAndGet))) {
            var outcome = JobLock.holding(db, "leased-elsewhere", scheduler::tick);
            assertThat(outcome).containsEntry("leased-elsewhere", Scheduler.Outcome.RUNNING_ELSEWHERE);
            assertThat(runs).hasValue(0);
        }
    }
}
