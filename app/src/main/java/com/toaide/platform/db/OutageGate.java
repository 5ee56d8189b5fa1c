package com.toaide.platform.db;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * While the database is unreachable, one transaction a second tries it and the others are
 * refused at once. Without this every request waits out the pool's connection timeout, and
 * requests queued behind one aide's lock wait for each other's timeouts in turn (10 s and more
 * in the database-restart test): a clear 503 at once is the better answer, and request threads
 * stay free. A pool that is merely full is load, not an outage, and does not close the gate.
 */
final class OutageGate {
    static final Duration TRY_EVERY = Duration.ofSeconds(1);

    /** The last failure to reach the database, while it is thought down; null while it answers. */
    private volatile DatabaseUnavailable outage;
    /** {@link System#nanoTime()} from which the next transaction may try the database again. */
    private final AtomicLong nextTry = new AtomicLong();

    /** Returns when this caller may use the database; throws at once while another has this second's try. */
    void enter() {
        var current = outage;
        if (current == null) {
            return;
        }
        long now = System.nanoTime();
        long next = nextTry.get();
        if (now - next < 0 || !nextTry.compareAndSet(next, now + TRY_EVERY.toNanos())) {
            throw new DatabaseUnavailable(current.getCause());
        }
    }

    void reached() {
        if (outage != null) {
            outage = null;
        }
    }

    void failed(DatabaseUnavailable failure) {
        if (!failure.busy()) {
            nextTry.set(System.nanoTime() + TRY_EVERY.toNanos());
            outage = failure;
        }
    }
}
