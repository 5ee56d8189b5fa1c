package com.toaide.platform.limits;

import com.toaide.platform.db.Database;
import com.toaide.platform.db.DatabaseUnavailable;
import com.toaide.platform.observe.FailureReporter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same fixed windows as {@link RateLimiter}, for limits checked on every request: hits are
 * counted in memory and added to the Postgres rows once a second, and each flush brings back
 * what every instance has counted. A request is judged on the shared count at the last flush
 * plus this instance's hits since, so the limit holds across instances give or take a second
 * of other instances' traffic, and a request costs no database round trip.
 */
public final class BufferedRateLimiter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BufferedRateLimiter.class);
    static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
    /**
     * Windows held in memory (about 200 bytes each). Every subject is a window, so clients
     * rotating addresses would add one per request, and while Postgres is down nothing is
     * flushed and nothing leaves; past this, new subjects share one window per limit
     * ({@link #OVERFLOW}), which fails closed for them together instead of growing.
     */
    static final int MAX_WINDOWS = 50_000;
    static final String OVERFLOW = "(overflow)";

    private record Window(String key, long start) {}

    /** Hits not yet in Postgres, and the shared count Postgres had at the last flush. */
    private static final class Counts {
        final long end;
        final AtomicInteger unflushed = new AtomicInteger();
        volatile int shared;

        Counts(long end) {
            this.end = end;
        }
    }

    private final Database db;
    private final Clock clock;
    private final Map<Window, Counts> windows = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "rate-limit-flush");
        thread.setDaemon(true);
        return thread;
    });

    public BufferedRateLimiter(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public BufferedRateLimiter start() {
        long every = FLUSH_EVERY.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Counts one hit of {@code subject} against {@code limit}. */
    public RateLimiter.Hit hit(RateLimiter.Limit limit, String subject) {
        long now = clock.instant().getEpochSecond();
        long length = limit.window().toSeconds();
        long start = Math.floorDiv(now, length) * length;
        var window = new Window(limit.name() + ":" + subject, start);
        var counts = windows.get(window);
        if (counts == null) {
            if (windows.size() >= MAX_WINDOWS) {
                window = new Window(limit.name() + ":" + OVERFLOW, start);
            }
            counts = windows.computeIfAbsent(window, w -> new Counts(start + length));
        }
        int count = counts.shared + counts.unflushed.incrementAndGet();
        return new RateLimiter.Hit(count, Math.max(1, start + length - now), count <= limit.max());
    }

    /** Adds the hits counted here to Postgres and learns the shared counts; drops ended windows. */
    public void flush() {
        var batch = new ArrayList<Window>();
        var adds = new ArrayList<Integer>();
        windows.forEach((window, counts) -> {
            int unflushed = counts.unflushed.get();
            if (unflushed > 0) {
                batch.add(window);
                adds.add(unflushed);
            }
        });
        if (!batch.isEmpty()) {
            var keys = batch.stream().map(Window::key).toArray(String[]::new);
            var starts = batch.stream().map(Window::start).toArray(Long[]::new);
            var totals = db.asSystem(handle -> new RateLimiterDao(handle).add(keys, starts, adds.toArray(Integer[]::new)));
            var shared = new HashMap<Window, Integer>();
            totals.forEach(total -> shared.put(new Window(total.key(), total.windowStart()), total.count()));
            for (int i = 0; i < batch.size(); i++) {
                var counts = windows.get(batch.get(i));
                Integer count = shared.get(batch.get(i));
                if (counts != null && count != null) {
                    // Shared first, then take away the hits it now includes: a request in
                    // between may count some twice, never none.
                    counts.shared = count;
                    counts.unflushed.addAndGet(-adds.get(i));
                }
            }
        }
        forgetEnded();
    }

    /** Ended windows with nothing left to add go; so do flushed ones once the map is nearly full. */
    private void forgetEnded() {
        long now = clock.instant().getEpochSecond();
        boolean crowded = windows.size() > MAX_WINDOWS * 3 / 4;
        // A flushed window forgotten early restarts from zero until the next flush brings its
        // shared count back: at most a second of undercounting, instead of running out of room.
        windows.entrySet().removeIf(entry -> entry.getValue().unflushed.get() == 0 && (crowded || entry.getValue().end <= now));
    }

    /** Windows held in memory now (tests). */
    int windowsHeld() {
        return windows.size();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (DatabaseUnavailable | JdbiException e) {
            // The hits stay counted here and go with the next flush.
            log.warn("Rate-limit counters not flushed: {}", e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            FailureReporter.background(log, "Rate-limit flush", e, null);
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Rate-limit counters not flushed on stop: {}", e.getMessage());
        }
    }
}
