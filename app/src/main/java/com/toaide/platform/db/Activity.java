package com.toaide.platform.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Whether this instance has anyone to serve, so the database can sleep when it has not (Neon
 * scales a compute to zero after 5 minutes without queries, and any query or new connection
 * wakes it). Requests {@link #touch()} it; long-lived work (open live tabs) keeps it
 * {@link #keepAwakeWhile awake}. Background work that would talk to the database asks
 * {@link #busy()} first, and the LISTEN connections wait in {@link #awaitBusy} while idle.
 */
public final class Activity {
    private final Clock clock;
    private final Duration idleAfter;
    private final List<BooleanSupplier> holders = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();
    private volatile Instant lastTouched;

    /** Starts busy: a fresh instance opens its connections and runs its jobs once. */
    public Activity(Clock clock, Duration idleAfter) {
        this.clock = clock;
        this.idleAfter = idleAfter;
        this.lastTouched = clock.instant();
    }

    /** Something to serve now (a request, a message on a live channel). */
    public void touch() {
        Instant now = clock.instant();
        boolean wasQuiet = lastTouched.plus(idleAfter).isBefore(now);
        lastTouched = now;
        if (wasQuiet) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    /** Keeps the instance busy while {@code condition} holds (checked whenever {@link #busy()} is asked). */
    public void keepAwakeWhile(BooleanSupplier condition) {
        holders.add(condition);
    }

    /** True when touched within the idle period, or while something keeps the instance awake. */
    public boolean busy() {
        return !lastTouched.plus(idleAfter).isBefore(clock.instant()) || holders.stream().anyMatch(BooleanSupplier::getAsBoolean);
    }

    /** Waits until busy, or at most {@code timeout}; returns whether busy. */
    public boolean awaitBusy(Duration timeout) throws InterruptedException {
        synchronized (signal) {
            if (!busy()) {
                signal.wait(Math.max(1, timeout.toMillis()));
            }
        }
        return busy();
    }
}
