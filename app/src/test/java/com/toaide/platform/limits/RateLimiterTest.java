package com.toaide.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.toaide.platform.failure.Failure;
import com.toaide.platform.web.Errors;
import com.toaide.platform.db.Database;
import com.toaide.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fixed windows in Postgres, on a clock the test sets. */
class RateLimiterTest {
    static final RateLimiter.Limit THREE_PER_HOUR = new RateLimiter.Limit("test:hour", 3, Duration.ofHours(1));
    static final Instant TEN_PAST = Instant.parse("2026-02-12T09:10:00Z");

    @AutoClose static Database db;

    @BeforeAll
    static void connect() {
        db = Database.connect(TestPostgres.freshDatabase(), 4);
    }

    static RateLimiter at(Instant now) {
        return new RateLimiter(db, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void hits_up_to_the_limit_are_allowed_and_the_next_is_not() {
        var limiter = at(TEN_PAST);
        var hits = IntStream.range(0, 4).mapToObj(i -> limiter.hit(THREE_PER_HOUR, "counted")).toList();
        assertThat(hits).extracting(RateLimiter.Hit::count).containsExactly(1, 2, 3, 4);
        assertThat(hits).extracting(RateLimiter.Hit::allowed).containsExactly(true, true, true, false);
    }

    @Test
    void retry_after_is_the_time_left_in_the_window() {
        assertThat(at(TEN_PAST).hit(THREE_PER_HOUR, "retry").retryAfterSeconds()).isEqualTo(50 * 60);
        assertThat(at(Instant.parse("2026-02-12T09:59:59.500Z")).hit(THREE_PER_HOUR, "retry").retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void a_new_window_starts_from_zero() {
        for (int i = 0; i < 4; i++) {
            at(TEN_PAST).hit(THREE_PER_HOUR, "rollover");
        }
        var nextHour = at(Instant.parse("2026-02-12T10:00:00Z")).hit(THREE_PER_HOUR, "rollover");
        assertThat(nextHour.count()).isEqualTo(1);
        assertThat(nextHour.allowed()).isTrue();
    }

    @Test
    void subjects_and_limits_are_counted_apart() {
        var limiter = at(TEN_PAST);
        var other = new RateLimiter.Limit("test:other", 3, Duration.ofHours(1));
        limiter.hit(THREE_PER_HOUR, "apart-a");
        limiter.hit(THREE_PER_HOUR, "apart-a");
        assertThat(limiter.hit(THREE_PER_HOUR, "apart-b").count()).isEqualTo(1);
        assertThat(limiter.hit(other, "apart-a").count()).isEqualTo(1);
    }

    @Test
    void concurrent_hits_are_each_counted_once() throws Exception {
        var limiter = at(TEN_PAST);
        var limit = new RateLimiter.Limit("test:race", 100, Duration.ofMinutes(1));
        var pool = Executors.newFixedThreadPool(8);
        try {
            var futures = pool.invokeAll(IntStream.range(0, 40)
                    .<Callable<Integer>>mapToObj(i -> () -> limiter.hit(limit, "race").count()).toList());
            var counts = futures.stream().map(RateLimiterTest::join).sorted().toList();
            assertThat(counts).containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void enforce_throws_a_429_that_says_how_long_to_wait() {
        var limiter = at(TEN_PAST);
        var once = new RateLimiter.Limit("test:once", 1, Duration.ofHours(1));
        limiter.enforce(once, "enforced", "Too many.");
        assertThatThrownBy(() -> limiter.enforce(once, "enforced", "Too many."))
                .isInstanceOfSatisfying(Failure.Limited.class, e -> {
                    assertThat(Errors.status(e)).isEqualTo(429);
                    assertThat(e.retryAfter()).hasValue(Duration.ofMinutes(50));
                    assertThat(e.getMessage()).isEqualTo("Too many. Try again in 50 minutes.");
                });
    }

    @Test
    void waits_are_worded_plainly() {
        assertThat(RateLimiter.howLong(20)).isEqualTo("a minute");
        assertThat(RateLimiter.howLong(61)).isEqualTo("2 minutes");
        assertThat(RateLimiter.howLong(3600)).isEqualTo("an hour");
    }

    private static int join(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
