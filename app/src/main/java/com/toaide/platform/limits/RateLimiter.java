package com.toaide.platform.limits;

import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Fixed-window counters kept in Postgres, so a limit holds across instances and restarts.
 * Windows are aligned to the epoch ({@code window_start} is a multiple of the window); each hit
 * is one atomic upsert, so concurrent requests are counted exactly.
 *
 * <p>Counters live on the system path: they belong to no user.
 */
public final class RateLimiter {
    private final Database db;
    private final Clock clock;

    public RateLimiter(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** At most {@code max} hits per {@code window} for one subject; {@code name} keeps limits apart. */
    public record Limit(String name, int max, Duration window) {
        public Limit {
            Objects.requireNonNull(name, "name");
            if (max < 1 || window.toSeconds() < 1) {
                throw new IllegalArgumentException("a limit needs max >= 1 and a window of at least a second");
            }
        }
    }

    /** One counted hit: its number in the window, and the seconds until the window ends. */
    public record Hit(int count, long retryAfterSeconds, boolean allowed) {}

    /** Counts one hit of {@code subject} against {@code limit}. */
    public Hit hit(Limit limit, String subject) {
        Instant now = clock.instant();
        long windowSeconds = limit.window().toSeconds();
        long windowStart = Math.floorDiv(now.getEpochSecond(), windowSeconds) * windowSeconds;
        String key = limit.name() + ":" + subject;
        int count = db.asSystem(handle -> new RateLimiterDao(handle).hit(key, Instant.ofEpochSecond(windowStart)));
        long retryAfter = Math.max(1, windowStart + windowSeconds - now.getEpochSecond());
        return new Hit(count, retryAfter, count <= limit.max());
    }

    /**
     * Counts one hit and throws {@link #exceeded} when it goes over the limit. {@code reason}
     * says what was limited; the wait is added to it ("Try again in 12 minutes.").
     */
    public void enforce(Limit limit, String subject, String reason) {
        var hit = hit(limit, subject);
        if (!hit.allowed()) {
            throw exceeded(reason + " Try again in " + howLong(hit.retryAfterSeconds()) + ".", hit.retryAfterSeconds());
        }
    }

    /** A wait in plain words for a limit's message ("a minute", "12 minutes", "an hour"). */
    public static String howLong(long seconds) {
        if (seconds <= 60) {
            return "a minute";
        }
        long minutes = (seconds + 59) / 60;
        return minutes >= 60 ? "an hour" : minutes + " minutes";
    }

    /** Over a limit: a 429 whose message is safe to show, saying when to try again (Retry-After). */
    public static Failure.Limited exceeded(String message, long retryAfterSeconds) {
        return new Failure.Limited(message, Duration.ofSeconds(retryAfterSeconds));
    }
}
