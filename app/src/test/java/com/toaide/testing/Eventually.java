package com.toaide.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Waits for a condition instead of sleeping a fixed time: retries the assertion until it holds. */
public final class Eventually {
    private Eventually() {}

    public static void within(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
    }
}
