package com.toaide.ops;

import java.time.Duration;

/**
 * A named piece of background work the {@link Scheduler} runs every {@link #interval()}, on one
 * instance at a time. {@link #run()} opens its own transactions (system path) and must not
 * assume it runs on the instance that ran it last.
 */
public interface Job {
    /** Stable across releases: it names the job's lock and its last-run row. */
    String name();

    Duration interval();

    void run() throws Exception;

    /** A job from a name, an interval and a method reference (e.g. {@code orphanSweep::sweep}). */
    static Job of(String name, Duration interval, Work work) {
        return new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public void run() throws Exception {
                work.run();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }
}
