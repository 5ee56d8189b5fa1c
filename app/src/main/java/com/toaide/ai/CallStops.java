package com.toaide.ai;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ending one model call from outside its reading thread: the hard time limit, the no-progress
 * timer and {@code cancel} record why the call ends, then interrupt the reader and close the
 * response body, which aborts a blocked read and drops the connection. The reader is never
 * interrupted while it runs a listener callback ({@link #uninterruptibly}): the orchestrator's
 * database work there is never cut halfway; it sees the stop when the callback returns.
 */
final class CallStops {
    private static final Logger LOG = LoggerFactory.getLogger(CallStops.class);

    /** Why a call was stopped. */
    record Stop(ProviderError.Kind kind, String detail) {}

    private final Thread reader;
    private final StreamPolicy policy;
    private final ScheduledExecutorService timers;

    private final Object lock = new Object();
    /** Guarded by lock: true while the reader does I/O or waits, when interrupting it is safe. */
    private boolean interruptible = true;
    /** Guarded by lock: why the call was stopped, or null. */
    private Stop stop;
    /** Guarded by lock: set once the outcome is known; later stops do nothing. */
    private boolean ended;
    /** Guarded by lock: the body being read, closed to abort the read. */
    private InputStream body;
    private ScheduledFuture<?> hardTimer;
    private ScheduledFuture<?> stallTimer;

    private volatile long lastProgressNanos = System.nanoTime();

    CallStops(Thread reader, StreamPolicy policy, ScheduledExecutorService timers) {
        this.reader = reader;
        this.policy = policy;
        this.timers = timers;
    }

    /** Starts the hard-limit and no-progress timers. */
    void arm() {
        synchronized (lock) {
            hardTimer = timers.schedule(() -> stop(ProviderError.Kind.TIMEOUT, "hard limit of " + policy.hardLimit() + " passed"),
                    policy.hardLimit().toNanos(), TimeUnit.NANOSECONDS);
            stallTimer = timers.schedule(this::checkProgress, policy.noProgressLimit().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Something arrived (or a wait ended): the no-progress timer counts from now. */
    void progressed() {
        lastProgressNanos = System.nanoTime();
    }

    /** The body now being read: a stop closes it. */
    void reading(InputStream in) {
        synchronized (lock) {
            body = in;
        }
    }

    /** Stops the call from outside: records why, then aborts the read unless a callback runs. */
    void stop(ProviderError.Kind kind, String detail) {
        InputStream toClose;
        synchronized (lock) {
            if (ended || stop != null) {
                return;
            }
            stop = new Stop(kind, detail);
            if (!interruptible) {
                return; // the reader sees the stop when the listener callback returns
            }
            reader.interrupt();
            toClose = body;
        }
        closeQuietly(toClose);
    }

    /** Why the call was stopped, or null. */
    Stop stopped() {
        synchronized (lock) {
            return stop;
        }
    }

    /** Runs a listener callback on the reader where no stop can interrupt it. */
    void uninterruptibly(Runnable callback) {
        synchronized (lock) {
            interruptible = false;
            Thread.interrupted();
        }
        try {
            callback.run();
        } finally {
            synchronized (lock) {
                interruptible = true;
            }
            progressed();
        }
    }

    /** Ends the call from the reader itself (its listener failed), unless it was stopped already. */
    void stopFromInside(ProviderError.Kind kind, String detail) {
        synchronized (lock) {
            if (stop == null) {
                stop = new Stop(kind, detail);
            }
        }
    }

    /** The outcome is known: no stop may interrupt the reader any more, and the timers go. */
    void end() {
        synchronized (lock) {
            ended = true;
            interruptible = false;
            Thread.interrupted();
            hardTimer.cancel(false);
            stallTimer.cancel(false);
        }
    }

    private void checkProgress() {
        long quietNanos = System.nanoTime() - lastProgressNanos;
        long limitNanos = policy.noProgressLimit().toNanos();
        if (quietNanos >= limitNanos) {
            stop(ProviderError.Kind.STALLED, "nothing arrived for " + policy.noProgressLimit());
            return;
        }
        synchronized (lock) {
            if (!ended) {
                stallTimer = timers.schedule(this::checkProgress, limitNanos - quietNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing a model response failed", e);
        }
    }
}
