package com.toaide.ops;

import com.toaide.platform.db.Activity;
import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import com.toaide.platform.web.RequestUser;
import com.toaide.platform.web.Policy;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users the abuse check has limited ({@code users.limited_until} in the future). A limited user
 * can still read, sign out, pay and delete their account, but gets a plain 429 on the routes
 * marked {@link Policy#PAUSABLE}: the editor's state-changing ones, turns included.
 *
 * <p>The list is small and read on every such request, so each instance keeps it in memory and
 * reloads it every second while it has someone to serve: a limit takes effect everywhere within
 * a second of the abuse check. An idle instance stops reloading (the database may sleep); the
 * first guarded request after that reloads the list before judging. When the database is away
 * the last list stays in force.
 */
public final class LimitedUsers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LimitedUsers.class);
    static final Duration RELOAD_EVERY = Duration.ofSeconds(1);

    /** A list older than this is reloaded before a request is judged on it. */
    private static final Duration STALE_AFTER = RELOAD_EVERY.multipliedBy(3);

    private final Database db;
    private final Clock clock;
    private final Activity activity;
    private volatile Map<UUID, Instant> limited = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;
    private final Object reloadLock = new Object();
    /** When a request last tried to reload (guarded by {@code reloadLock}). */
    private Instant triedAt = Instant.EPOCH;
    private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "limited-users");
        thread.setDaemon(true);
        return thread;
    });

    public LimitedUsers(Database db, Clock clock, Activity activity) {
        this.db = db;
        this.clock = clock;
        this.activity = activity;
    }

    public LimitedUsers start() {
        long every = RELOAD_EVERY.toMillis();
        reloader.scheduleWithFixedDelay(() -> {
            if (activity.busy()) {
                reloadQuietly();
            }
        }, 0, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reads the users limited now (system path). */
    public void reload() {
        Instant now = clock.instant();
        limited = db.asSystem(handle -> handle.attach(AbuseDao.class).limitedAfter(now)).stream()
                .collect(Collectors.toUnmodifiableMap(AbuseDao.Limited::id, AbuseDao.Limited::until));
        loadedAt = now;
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            log.warn("Limited users not reloaded: {}", e.getMessage());
        }
    }

    private boolean stale() {
        return loadedAt.plus(STALE_AFTER).isBefore(clock.instant());
    }

    /** When the user's limit ends, if they are limited now. */
    public Optional<Instant> limitedUntil(UUID userId) {
        Instant now = clock.instant();
        return Optional.ofNullable(limited.get(userId)).filter(until -> until.isAfter(now));
    }

    /** Throws a 429 {@link Failure.Limited} (with Retry-After) while the user is limited. */
    public void requireNotLimited(UUID userId) {
        // One request reloads a stale list while the others wait for it, instead of every
        // request thread asking the database at once (a starved reloader makes them all stale).
        // A failed try is not repeated by each waiting thread in turn: with the database away
        // that would queue them behind one connection timeout after another.
        if (stale()) {
            synchronized (reloadLock) {
                Instant now = clock.instant();
                if (stale() && !now.isBefore(triedAt.plus(RELOAD_EVERY))) {
                    triedAt = now;
                    reloadQuietly();
                }
            }
        }
        var until = limitedUntil(userId);
        if (until.isPresent()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), until.get()).toSeconds());
            throw new Failure.Limited("Your account is paused for a while after unusual activity. Nothing was changed; try again later.",
                    Duration.ofSeconds(seconds));
        }
    }

    /** The beforeMatched step: routes marked {@link Policy#PAUSABLE} are refused while the user is limited. */
    public void guard(Context ctx) {
        if (Policy.PAUSABLE.on(ctx)) {
            RequestUser.of(ctx).ifPresent(this::requireNotLimited);
        }
    }

    @Override
    public void close() {
        reloader.shutdownNow();
    }
}
